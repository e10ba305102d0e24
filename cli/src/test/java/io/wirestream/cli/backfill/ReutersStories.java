package io.wirestream.cli.backfill;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.common.model.Article;
import io.wirestream.common.serde.Json;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first stories of the Reuters-21578 corpus in the shared data folder; tests skip without it.
 */
final class ReutersStories {

  private ReutersStories() {}

  static List<Article> first(int count) throws Exception {
    Path file =
        Path.of(System.getProperty("wirestream.shared", "../../shared"))
            .resolve("corpora/news/reuters21578.jsonl");
    assumeTrue(Files.exists(file), "skipped: " + file + " not found (no shared Reuters corpus)");
    List<Article> stories = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while (stories.size() < count && (line = reader.readLine()) != null) {
        JsonNode story = Json.MAPPER.readTree(line);
        String body = story.path("body").asText("");
        if (body.isBlank()) {
          continue; // enrich dead-letters a story without a body in every run
        }
        stories.add(
            new Article(
                story.path("id").asText(),
                story.path("source").asText("reuters-21578"),
                null,
                story.path("title").asText(null),
                body,
                story.path("published").asText(),
                null,
                "en"));
      }
    }
    return stories;
  }
}
