package io.wirestream.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.common.dlq.DeadLetterHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns dead-letter records into {@link Observations.DeadLetter}s by article id. */
public final class DeadLetterRecords {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DeadLetterRecords() {}

  /** A record's parts as read off the topic; headers by name, the last value of each. */
  public record Letter(byte[] key, byte[] value, Map<String, byte[]> headers) {}

  public static Map<String, List<Observations.DeadLetter>> index(List<Letter> letters) {
    Map<String, List<Observations.DeadLetter>> byId = new HashMap<>();
    for (Letter letter : letters) {
      String id = idOf(letter);
      if (id == null) {
        continue;
      }
      byId.computeIfAbsent(id, k -> new ArrayList<>())
          .add(
              new Observations.DeadLetter(
                  id,
                  header(letter, DeadLetterHeaders.REASON),
                  header(letter, DeadLetterHeaders.STAGE)));
    }
    return byId;
  }

  /**
   * The key is the article id on every topic; a letter without one is matched by the id in its
   * value, a raw article's {@code id} or an enriched record's {@code article.id}.
   */
  static String idOf(Letter letter) {
    if (letter.key() != null && letter.key().length > 0) {
      return new String(letter.key(), StandardCharsets.UTF_8);
    }
    if (letter.value() == null) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(letter.value());
      if (node == null) {
        return null;
      }
      if (node.hasNonNull("id")) {
        return node.get("id").asText();
      }
      JsonNode article = node.get("article");
      return article != null && article.hasNonNull("id") ? article.get("id").asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String header(Letter letter, String name) {
    byte[] value = letter.headers().get(name);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }
}
