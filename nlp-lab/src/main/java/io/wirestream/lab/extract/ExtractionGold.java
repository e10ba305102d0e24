package io.wirestream.lab.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.common.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One gold page of an extraction corpus, as in {@code web/fundus-articles.jsonl}: the page file
 * (relative to the JSON-lines file's folder), its URL, and the gold title, authors, publication
 * date and body.
 */
public record ExtractionGold(
    String file,
    String url,
    String publisher,
    String title,
    List<String> authors,
    Optional<OffsetDateTime> published,
    String body) {

  /** Reads every line; a line without {@code file} and {@code body} is an error. */
  public static List<ExtractionGold> read(Path jsonl) {
    List<ExtractionGold> pages = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(lines.get(i));
      } catch (IOException e) {
        throw new IllegalArgumentException(jsonl + ":" + (i + 1) + ": not JSON: " + e.getMessage());
      }
      if (!node.hasNonNull("file") || !node.hasNonNull("body")) {
        throw new IllegalArgumentException(jsonl + ":" + (i + 1) + ": needs \"file\" and \"body\"");
      }
      List<String> authors = new ArrayList<>();
      node.path("authors").forEach(a -> authors.add(a.asText()));
      pages.add(
          new ExtractionGold(
              node.get("file").asText(),
              node.path("url").asText(""),
              node.path("publisher").asText(""),
              node.path("title").asText(""),
              authors,
              date(node.path("published").asText("")),
              node.get("body").asText()));
    }
    return pages;
  }

  private static Optional<OffsetDateTime> date(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
