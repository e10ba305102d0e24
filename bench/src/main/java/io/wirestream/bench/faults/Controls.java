package io.wirestream.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.common.model.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Normal wire stories, copied byte for byte from the Reuters JSON lines, that are interleaved with
 * the hostile inputs: they must all be stored verbatim, and how fast they get through measures
 * whether the hostile inputs held them up.
 */
final class Controls {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Controls() {}

  /**
   * {@code count} stories of ordinary size picked with {@code random}; without the corpus, plain
   * generated articles stand in.
   */
  static List<Case> pick(Path reuters, int count, Random random, CaseKit kit) throws IOException {
    if (reuters == null || !Files.isRegularFile(reuters)) {
      List<Case> made = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        made.add(
            kit.json(
                Kind.CONTROL,
                "generated story",
                kit.valid(Kind.CONTROL, i),
                Case.outcomes(Outcome.STORED_VERBATIM)));
      }
      return made;
    }
    List<Case> eligible = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(reuters, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        Case c = control(line, kit.defaultSource);
        if (c != null) {
          eligible.add(c);
        }
      }
    }
    if (eligible.size() < count) {
      throw new IllegalArgumentException(
          "only " + eligible.size() + " usable stories in " + reuters);
    }
    Collections.shuffle(eligible, random);
    return List.copyOf(eligible.subList(0, count));
  }

  /**
   * The story as a control, or null if it is not an ordinary one (no title, odd size, odd date).
   */
  static Case control(String line, String defaultSource) throws IOException {
    JsonNode node = MAPPER.readTree(line);
    String id = text(node, "id");
    String source = text(node, "source");
    String title = text(node, "title");
    String body = text(node, "body");
    String published = text(node, "published");
    String url = text(node, "url");
    if (id == null
        || source == null
        || title == null
        || title.isBlank()
        || body == null
        || published == null) {
      return null;
    }
    if (body.length() < 400 || body.length() > 6000) {
      return null;
    }
    try {
      Article.parsePublished(published);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return Case.storable(
        Kind.CONTROL,
        "reuters " + id,
        false,
        line.getBytes(StandardCharsets.UTF_8),
        Case.outcomes(Outcome.STORED_VERBATIM),
        List.of(JsonRecord.expectedId(defaultSource, source, id, url, published, body)),
        List.of(TextHash.normaliseBody(body)),
        CaseKit.titles(title));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
