package io.wirestream.lab.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.ingest.page.PageExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pins the page extractor's scores on the web corpus ({@code web/fundus-articles.jsonl}, see
 * docs/extraction.md): the measured figures less a margin of half a point.
 */
@Tag("accuracy")
class ExtractionAccuracyTest {

  private static final double MARGIN = 0.005;
  private static ExtractionEvaluation.Result result;

  @BeforeAll
  static void run() {
    String corpora = System.getProperty("wirestream.corpora");
    Path gold = corpora == null ? null : Path.of(corpora, "web", "fundus-articles.jsonl");
    assumeTrue(
        gold != null && Files.isRegularFile(gold),
        "web corpus not found under wirestream.corpora="
            + corpora
            + "; skipping extraction accuracy");
    result = ExtractionEvaluation.run(gold, new PageExtractor(2 << 20));
    System.out.println("page extraction on " + gold + "\n" + result.report());
  }

  private static ExtractionReport report(String name) {
    return result.reports().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void shouldKeepBodyF1OnAllPagesAndEachHalf() {
    assertThat(report("all").body().f1()).isGreaterThanOrEqualTo(0.959 - MARGIN);
    assertThat(report("publisher half A").body().f1()).isGreaterThanOrEqualTo(0.962 - MARGIN);
    assertThat(report("publisher half B").body().f1()).isGreaterThanOrEqualTo(0.957 - MARGIN);
  }

  @Test
  void shouldKeepBodyF1OnEnglishPages() {
    assertThat(report("english").body().pages()).isEqualTo(84);
    assertThat(report("english").body().f1()).isGreaterThanOrEqualTo(0.965 - MARGIN);
  }

  @Test
  void shouldKeepMetadataScores() {
    ExtractionReport all = report("all");
    assertThat(all.titleExact()).isGreaterThanOrEqualTo(0.72 - MARGIN);
    assertThat(all.authorF1()).isGreaterThanOrEqualTo(0.83 - MARGIN);
    assertThat(all.dateExact()).isGreaterThanOrEqualTo(0.97 - MARGIN);
  }
}
