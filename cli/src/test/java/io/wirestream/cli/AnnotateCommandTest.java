package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.serde.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wirestream annotate}: enriched records as JSON lines from files, no broker. */
class AnnotateCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void shouldWriteOneEnrichedRecordPerArticleAndReportBadLinesWithTheirLocation(@TempDir Path dir)
      throws IOException {
    Path input = dir.resolve("stories.jsonl");
    Files.writeString(
        input,
        """
        {"id":"a-1","source":"test","title":"Visit","body":"Vladimir Putin met Rex Tillerson in Moscow on Wednesday.","published":"2017-04-12","language":"en"}
        not json
        {"id":"a-2","source":"test","title":"Blank","body":"   ","published":"2017-04-12","language":"en"}
        """);

    int code = run("annotate", input.toString());

    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(1);
    EnrichedArticle record = Json.MAPPER.readValue(lines.get(0), EnrichedArticle.class);
    assertThat(record.article().title()).isEqualTo("Visit");
    assertThat(record.entities())
        .extracting(e -> e.text())
        .contains("Vladimir Putin", "Rex Tillerson", "Moscow");
    assertThat(record.dates()).extracting(d -> d.value()).containsExactly("2017-04-12");
    JsonNode json = Json.MAPPER.readTree(lines.get(0));
    assertThat(json.at("/enrichment/models").has("ner")).isTrue();
    assertThat(json.at("/enrichment/models").has("timex")).isTrue();
    assertThat(err.toString())
        .contains("rejected " + input + ":2: ")
        .contains("rejected " + input + ":3: ")
        .contains("empty body");
  }

  @Test
  void shouldWriteAGermanArticleWithItsLanguageAndNoEntitiesAsEnrichDoes(@TempDir Path dir)
      throws IOException {
    Path input = dir.resolve("stories.jsonl");
    Files.writeString(
        input,
        """
        {"id":"d-1","source":"test","title":"Besuch","body":"Bundeskanzlerin Angela Merkel ist am Mittwoch in Moskau mit Präsident Wladimir Putin zusammengetroffen. Die beiden sprachen über die Lage in der Ukraine.","published":"2017-04-12","language":"en"}
        """);

    int code = run("annotate", input.toString());

    assertThat(code).isZero();
    EnrichedArticle record =
        Json.MAPPER.readValue(
            out.toString().lines().findFirst().orElseThrow(), EnrichedArticle.class);
    assertThat(record.enrichment().language()).isEqualTo("de");
    assertThat(record.enrichment().skipped()).isEqualTo("language de is not supported");
    assertThat(record.entities()).isEmpty();
    assertThat(record.dates()).isEmpty();
  }

  @Test
  void shouldWriteToTheOutFileAndReadSeedText(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("seed.txt");
    Files.writeString(input, "date 2017-04-12\nAngela Merkel spoke in Berlin last week.\n");
    Path records = dir.resolve("enriched.jsonl");

    int code = run("annotate", "--out", records.toString(), input.toString());

    assertThat(code).isZero();
    assertThat(out.toString()).isEmpty();
    List<String> lines = Files.readAllLines(records);
    assertThat(lines).hasSize(1);
    EnrichedArticle record = Json.MAPPER.readValue(lines.get(0), EnrichedArticle.class);
    assertThat(record.entities()).extracting(e -> e.text()).contains("Angela Merkel", "Berlin");
    assertThat(record.dates()).extracting(d -> d.value()).containsExactly("2017-W14");
  }

  @Test
  void shouldExitWith2OnAMissingInputOrNone(@TempDir Path dir) {
    assertThat(run("annotate", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.jsonl");
    assertThat(run("annotate")).isEqualTo(2);
    assertThat(run("annotate", "--no-such-option", dir.toString())).isEqualTo(2);
  }
}
