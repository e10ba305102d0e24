package io.wirestream.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.common.serde.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One JSON object a line with the fields {@code id}, {@code source}, {@code published}, {@code
 * title}, {@code body} and optionally {@code url} and {@code language} (the shape of the Reuters
 * JSON lines). Each line is decoded on its own, so one bad line costs only that line.
 */
public final class JsonLinesFormat implements ArticleFormat {

  private final String defaultSource;

  public JsonLinesFormat(String defaultSource) {
    this.defaultSource = defaultSource;
  }

  @Override
  public void read(Path file, Consumer<ParseResult> results) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
      int lineNumber = 0;
      int b;
      boolean more = true;
      while (more) {
        b = in.read();
        if (b == -1) {
          more = false;
          if (line.size() == 0) {
            break;
          }
        } else if (b != '\n') {
          line.write(b);
          continue;
        }
        lineNumber++;
        ParseResult result = parseLine(line.toByteArray(), file + ":" + lineNumber);
        if (result != null) {
          results.accept(result);
        }
        line.reset();
      }
    }
  }

  /** Parses one line; returns null for a blank line, which is not a record. */
  public ParseResult parseLine(byte[] bytes, String location) {
    String text;
    try {
      text = Utf8.decode(bytes, 0, bytes.length).strip();
    } catch (CharacterCodingException e) {
      return new ParseResult.Rejected(location, e.getMessage());
    }
    if (text.isEmpty()) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return new ParseResult.Rejected(location, "broken JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject()) {
      return new ParseResult.Rejected(location, "not a JSON object");
    }
    String body = text(node, "body");
    if (body == null || body.isBlank()) {
      return new ParseResult.Rejected(location, "empty body");
    }
    String published = text(node, "published");
    if (published == null || published.isBlank()) {
      return new ParseResult.Rejected(location, "no 'published' date");
    }
    try {
      Article.parsePublished(published);
    } catch (IllegalArgumentException e) {
      return new ParseResult.Rejected(location, "impossible or malformed date '" + published + "'");
    }
    String source = text(node, "source");
    if (source == null || source.isBlank()) {
      source = defaultSource;
    }
    String nativeId = text(node, "id");
    String url = text(node, "url");
    body = SeedTextFormat.normaliseBody(body);
    String id;
    if (nativeId != null && !nativeId.isBlank()) {
      id = ArticleIds.fromSourceId(source, nativeId);
    } else if (url != null && !url.isBlank()) {
      id = ArticleIds.fromSourceId(source, url);
    } else {
      id = ArticleIds.fromContent(published, body);
    }
    Article article =
        new Article(
            id,
            source,
            url,
            text(node, "title"),
            body,
            published.trim(),
            null,
            text(node, "language"));
    return new ParseResult.Parsed(article, location);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
