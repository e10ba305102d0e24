package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.common.serde.Json;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {

  private static final String PAGE =
      "<html lang=\"de\"><head><title>Brücke gesperrt | Beispiel</title>"
          + "<meta property=\"article:published_time\" content=\"2024-05-03T09:15:00+02:00\">"
          + "<meta name=\"author\" content=\"Anna Schmidt\"></head><body><nav><a href=\"/\">Start"
          + " und alle Rubriken der Seite</a></nav><article><h1>Brücke gesperrt</h1>"
          + "<p>Der Gemeinderat hat am Dienstag beschlossen, die alte Hafenbrücke für Autos zu"
          + " sperren, nachdem Ingenieure Risse in zwei Pfeilern gefunden hatten.</p>"
          + "<p>Busse und Fahrräder dürfen weiter fahren, und eine Fähre verkehrt alle zwanzig"
          + " Minuten, bis die Reparatur in einem Jahr abgeschlossen ist.</p></article>"
          + "</body></html>";

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void shouldWriteOneObjectKeyedByPageNameForHtmlAndGzippedPagesInAFolder() throws Exception {
    Files.writeString(dir.resolve("bridge.html"), PAGE);
    try (OutputStream gz =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("ferry.html.gz")))) {
      gz.write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("notes.txt"), "not a page");

    Run run = run("extract", dir.toString());

    assertThat(run.exit()).isZero();
    JsonNode json = Json.MAPPER.readTree(run.out());
    assertThat(json.fieldNames()).toIterable().containsExactly("bridge", "ferry");
    JsonNode bridge = json.get("bridge");
    assertThat(bridge.get("title").asText()).isEqualTo("Brücke gesperrt");
    assertThat(bridge.get("authors").get(0).asText()).isEqualTo("Anna Schmidt");
    assertThat(bridge.get("published").asText()).isEqualTo("2024-05-03T09:15+02:00");
    assertThat(bridge.get("language").asText()).isEqualTo("de");
    assertThat(bridge.get("articleBody").asText())
        .startsWith("Der Gemeinderat")
        .contains("\n\nBusse und Fahrräder")
        .doesNotContain("Rubriken");
    assertThat(json.get("ferry")).isEqualTo(bridge);
  }

  @Test
  void shouldWriteToTheOutFileWhenGiven() throws Exception {
    Path page = Files.writeString(dir.resolve("bridge.html"), PAGE);
    Path out = dir.resolve("out.json");

    Run run = run("extract", "--out", out.toString(), page.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Json.MAPPER.readTree(out.toFile()).has("bridge")).isTrue();
  }

  @Test
  void shouldRefuseMissingFilesOtherFilesAndBrokenGzipWithExitCode2() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "x");
    Path broken = Files.write(dir.resolve("broken.html.gz"), new byte[] {1, 2, 3});

    Run missing = run("extract", dir.resolve("none.html").toString());
    Run other = run("extract", text.toString());
    Run notGzip = run("extract", broken.toString());

    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
    assertThat(other.exit()).isEqualTo(2);
    assertThat(other.err()).contains("is not an .html or .html.gz file");
    assertThat(notGzip.exit()).isEqualTo(2);
    assertThat(notGzip.err()).contains("is not gzip");
  }

  @Test
  void shouldScoreAGoldFileAndRefuseABadOneWithExitCode2() throws Exception {
    Files.writeString(dir.resolve("bridge.html"), PAGE);
    Path gold =
        Files.writeString(
            dir.resolve("gold.jsonl"),
            "{\"file\":\"bridge.html\",\"url\":\"https://example.org/a\",\"title\":\"Brücke"
                + " gesperrt\",\"authors\":[\"Anna Schmidt\"],\"published\":"
                + "\"2024-05-03T07:15:00+00:00\",\"body\":\"Der Gemeinderat hat am Dienstag"
                + " beschlossen, die alte Hafenbrücke für Autos zu sperren, nachdem Ingenieure"
                + " Risse in zwei Pfeilern gefunden hatten.\"}\n");
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"file\":\"x.html\"}\n");

    Run scored = run("eval-extract", "--gold", gold.toString());
    Run refused = run("eval-extract", "--gold", bad.toString());
    Run missing = run("eval-extract", "--gold", dir.resolve("none.jsonl").toString());

    assertThat(scored.exit()).isZero();
    assertThat(scored.out()).contains("all", "english", "publisher half A");
    assertThat(scored.out().lines().filter(l -> l.startsWith("all")).findFirst().orElseThrow())
        .contains("1.000   1.000");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("needs \"file\" and \"body\"");
    assertThat(missing.exit()).isEqualTo(2);
  }
}
