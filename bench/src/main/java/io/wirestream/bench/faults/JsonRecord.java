package io.wirestream.bench.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.common.model.ArticleIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON-lines record built field by field, so a field can be repeated, left out or given a value
 * of the wrong type, and the article id it should get follows the documented rules.
 */
final class JsonRecord {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<String> fields = new ArrayList<>();

  /** Adds {@code "name": "value"} with the value escaped as JSON. */
  JsonRecord str(String name, String value) {
    return raw(name, quote(value));
  }

  /** Adds {@code "name": json} with {@code json} written exactly as given. */
  JsonRecord raw(String name, String json) {
    fields.add(quote(name) + ":" + json);
    return this;
  }

  String json() {
    return "{" + String.join(",", fields) + "}";
  }

  byte[] bytes() {
    return json().getBytes(StandardCharsets.UTF_8);
  }

  static String quote(String text) {
    try {
      return MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always serialises", e);
    }
  }

  /**
   * The id an accepted record gets: its own id scoped by source, else its url, else its date and
   * body; a blank source means the ingest's default source.
   */
  static String expectedId(
      String defaultSource, String source, String id, String url, String published, String body) {
    String scope = source == null || source.isBlank() ? defaultSource : source;
    if (id != null && !id.isBlank()) {
      return ArticleIds.fromSourceId(scope, id);
    }
    if (url != null && !url.isBlank()) {
      return ArticleIds.fromSourceId(scope, url);
    }
    return ArticleIds.fromContent(published, TextHash.normaliseBody(body));
  }
}
