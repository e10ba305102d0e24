package io.wirestream.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.common.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * One JSON object a line with the fields {@code id}, {@code source}, {@code published}, {@code
 * title}, {@code body} and optionally {@code url}, {@code language}, {@code dateline}, {@code
 * summary} and {@code authors} (an array of names, or one name as a string) — the shape of the
 * Reuters JSON lines and more. The record's own {@code id} is kept as the article's {@code
 * sourceId}; the article id derives from it with the source. Each line is decoded on its own, so
 * one bad line costs only that line.
 */
public final class JsonLinesFormat implements ArticleFormat {

  private static final int CHUNK_BYTES = 1 << 16;

  private final String defaultSource;
  private final int maxLineBytes;
  private final boolean bodiesFromPages;

  /**
   * @param maxLineBytes a longer line is skipped to its newline without being held, and rejected
   */
  public JsonLinesFormat(String defaultSource, int maxLineBytes) {
    this(defaultSource, maxLineBytes, false);
  }

  /**
   * @param bodiesFromPages whether a record with a {@code url} and no body (or no date) is passed
   *     on with an empty body (or date), for its page to complete; otherwise it is rejected
   */
  public JsonLinesFormat(String defaultSource, int maxLineBytes, boolean bodiesFromPages) {
    this.defaultSource = defaultSource;
    this.maxLineBytes = maxLineBytes;
    this.bodiesFromPages = bodiesFromPages;
  }

  @Override
  public void read(Path file, Consumer<ParseResult> results) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      read(in, file.toString(), results);
    }
  }

  /**
   * Reads lines from a stream until its end, each handed over as soon as its newline arrives (so a
   * pipe is published as it is written); {@code name} is the location's file part.
   */
  public void read(InputStream in, String name, Consumer<ParseResult> results) throws IOException {
    {
      LineReader lines = new LineReader(name, results);
      byte[] chunk = new byte[CHUNK_BYTES];
      int n;
      while ((n = in.read(chunk)) != -1) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] == '\n') {
            lines.append(chunk, start, i - start);
            lines.end();
            start = i + 1;
          }
        }
        lines.append(chunk, start, n - start);
      }
      if (lines.length > 0) {
        lines.end();
      }
    }
  }

  /** The line being read: its bytes up to the limit, its full length beyond. */
  private final class LineReader {
    final String name;
    final Consumer<ParseResult> results;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    long length;
    long number;

    LineReader(String name, Consumer<ParseResult> results) {
      this.name = name;
      this.results = results;
    }

    void append(byte[] chunk, int offset, int count) {
      if (count == 0) {
        return;
      }
      length += count;
      if (length <= maxLineBytes) {
        bytes.write(chunk, offset, count);
      } else if (bytes.size() > 0) {
        bytes.reset();
      }
    }

    void end() {
      number++;
      String location = name + ":" + number;
      ParseResult result =
          length > maxLineBytes
              ? new ParseResult.Rejected(
                  location, "line longer than " + maxLineBytes + " bytes (ingest.max.line.bytes)")
              : parseLine(bytes.toByteArray(), location);
      if (result != null) {
        results.accept(result);
      }
      length = 0;
      if (bytes.size() > CHUNK_BYTES) {
        // Give back the room a long line took rather than keep it for the rest of the file.
        bytes = new ByteArrayOutputStream(4096);
      } else {
        bytes.reset();
      }
    }
  }

  private static final List<String> TEXT_FIELDS =
      List.of(
          "id", "source", "url", "title", "body", "published", "language", "dateline", "summary");

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
    for (String field : TEXT_FIELDS) {
      String value = text(node, field);
      OptionalInt lone = value == null ? OptionalInt.empty() : Utf16.firstUnpairedSurrogate(value);
      if (lone.isPresent()) {
        return new ParseResult.Rejected(
            location,
            "'"
                + field
                + "' has an unpaired surrogate \\u"
                + Integer.toHexString(value.charAt(lone.getAsInt()))
                + " at character "
                + lone.getAsInt()
                + ", which is not Unicode text");
      }
    }
    List<String> authors;
    try {
      authors = authors(node.get("authors"));
    } catch (IllegalArgumentException e) {
      return new ParseResult.Rejected(location, e.getMessage());
    }
    String url = text(node, "url");
    boolean fromPage = bodiesFromPages && url != null && !url.isBlank();
    String body = text(node, "body");
    if (body == null || body.isBlank()) {
      if (!fromPage) {
        return new ParseResult.Rejected(
            location,
            url == null || url.isBlank()
                ? "empty body"
                : "empty body (ingest.files.fetch.pages=true would fetch its url)");
      }
      body = "";
    }
    String published = text(node, "published");
    if (published == null || published.isBlank()) {
      if (!fromPage) {
        return new ParseResult.Rejected(location, "no 'published' date");
      }
      published = "";
    } else {
      try {
        Article.parsePublished(published);
      } catch (IllegalArgumentException e) {
        return new ParseResult.Rejected(
            location, "impossible or malformed date '" + published + "'");
      }
    }
    String source = text(node, "source");
    if (source == null || source.isBlank()) {
      source = defaultSource;
    }
    String nativeId = text(node, "id");
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
        Article.builder(id, source, body, published.trim())
            .url(url)
            .title(text(node, "title"))
            .language(text(node, "language"))
            .sourceId(nativeId == null || nativeId.isBlank() ? null : nativeId)
            .authors(authors)
            .summary(nonBlank(text(node, "summary")))
            .dateline(nonBlank(text(node, "dateline")))
            .build();
    return new ParseResult.Parsed(article, location);
  }

  /**
   * The names in an {@code authors} array, or the one name of an {@code authors} string; blank
   * names are dropped. Anything else is a malformed record rather than something to guess at.
   */
  private static List<String> authors(JsonNode value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isTextual()) {
      return checkedNames(List.of(value.asText()));
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException("'authors' must be a string or an array of strings");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode name : value) {
      if (!name.isTextual()) {
        throw new IllegalArgumentException("'authors' must be a string or an array of strings");
      }
      names.add(name.asText());
    }
    return checkedNames(names);
  }

  private static List<String> checkedNames(List<String> names) {
    List<String> kept = new ArrayList<>();
    for (String name : names) {
      OptionalInt lone = Utf16.firstUnpairedSurrogate(name);
      if (lone.isPresent()) {
        throw new IllegalArgumentException(
            "'authors' has an unpaired surrogate \\u"
                + Integer.toHexString(name.charAt(lone.getAsInt()))
                + ", which is not Unicode text");
      }
      if (!name.isBlank()) {
        kept.add(name.strip());
      }
    }
    return kept;
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
