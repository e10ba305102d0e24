package io.wirestream.common.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.common.model.RecordHeaders;
import io.wirestream.common.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schemas in docs/schemas stay readable by consumers of every release kept under
 * docs/schemas/history/&lt;version&gt;, and the current version is kept there too.
 */
class SchemaCompatibilityTest {

  private static final Path SCHEMAS = Path.of("..", "docs", "schemas").toAbsolutePath().normalize();
  private static final Path HISTORY = SCHEMAS.resolve("history");

  @Test
  void everyKeptReleaseIsStillReadableByItsConsumers() throws IOException {
    List<Path> releases = releases();
    assertThat(releases).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Path release : releases) {
      try (Stream<Path> files = Files.list(release)) {
        for (Path old : files.filter(f -> f.toString().endsWith(".json")).toList()) {
          Path current = SCHEMAS.resolve(old.getFileName().toString());
          if (!Files.exists(current)) {
            problems.add(release.getFileName() + "/" + old.getFileName() + ": schema removed");
            continue;
          }
          for (String problem : ConsumerCompatibility.breakingChanges(read(old), read(current))) {
            problems.add(release.getFileName() + "/" + old.getFileName() + problem);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCurrentSchemaVersionIsKeptAndNamedInEverySchemaId() throws IOException {
    int version = RecordHeaders.CURRENT_SCHEMA_VERSION;
    assertThat(HISTORY.resolve(Integer.toString(version))).isDirectory();
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        assertThat(read(file).path("$id").asText())
            .as("$id of %s", file.getFileName())
            .isEqualTo("https://wirestream.io/schemas/v" + version + "/" + file.getFileName());
      }
    }
  }

  @Test
  void aRemovedRenamedRetypedOrNewlyRequiredFieldIsReportedAsBreaking() throws IOException {
    JsonNode old = read(SCHEMAS.resolve("news.enriched.schema.json"));
    assertThat(ConsumerCompatibility.breakingChanges(old, old)).isEmpty();

    ObjectNode removed = old.deepCopy();
    ((ObjectNode) removed.path("properties").path("enrichment").path("properties"))
        .remove("processedAt");
    assertThat(ConsumerCompatibility.breakingChanges(old, removed))
        .anySatisfy(p -> assertThat(p).contains("/enrichment/processedAt: removed or renamed"));

    ObjectNode renamed = old.deepCopy();
    ObjectNode canonical =
        (ObjectNode) renamed.path("properties").path("canonicalEntities").path("items");
    ObjectNode properties = (ObjectNode) canonical.path("properties");
    properties.set("country", properties.remove("countryCode"));
    assertThat(ConsumerCompatibility.breakingChanges(old, renamed))
        .anySatisfy(p -> assertThat(p).contains("/countryCode: removed or renamed"));

    ObjectNode retyped = old.deepCopy();
    ((ObjectNode)
            retyped.path("properties").path("dates").path("items").path("properties").path("start"))
        .put("type", "string");
    assertThat(ConsumerCompatibility.breakingChanges(old, retyped))
        .anySatisfy(p -> assertThat(p).contains("/dates[]/start: type changed"));

    ObjectNode required = old.deepCopy();
    ((ArrayNode)
            required.path("properties").path("canonicalEntities").path("items").path("required"))
        .add("countryCode");
    assertThat(ConsumerCompatibility.breakingChanges(old, required))
        .anySatisfy(p -> assertThat(p).contains("/countryCode: optional made required"));

    ObjectNode added = old.deepCopy();
    ((ObjectNode) added.path("properties").path("enrichment").path("properties"))
        .putObject("sentiment")
        .put("type", "number");
    assertThat(ConsumerCompatibility.breakingChanges(old, added)).isEmpty();
  }

  private static List<Path> releases() throws IOException {
    try (Stream<Path> dirs = Files.list(HISTORY)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return Json.MAPPER.readTree(file.toFile());
  }
}
