package io.wirestream.lab.timeml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pins the TempEval-3 Task A scores of the tagger on TBAQ, the TempEval-3 training data: the
 * TimeBank part (where the rules were tuned) and the AQUAINT part (the check), see docs/timex.md.
 * Figures are the measured ones minus a margin of half a point.
 */
@Tag("accuracy")
class TimexAccuracyTest {

  private static final double MARGIN = 0.5;
  private Path tbaq;

  @BeforeEach
  void findCorpus() {
    String corpora = System.getProperty("wirestream.corpora");
    tbaq = corpora == null ? null : Path.of(corpora, "timex", "tbaq");
    assumeTrue(
        tbaq != null && Files.isDirectory(tbaq.resolve("TimeBank")),
        "TBAQ not found under wirestream.corpora=" + corpora + "; skipping TIMEX accuracy");
  }

  private TimexScore score(Path dir) throws Exception {
    TimexScore s =
        TimexEvaluation.run(new RuleBasedTemporalTagger(), TimemlFiles.list(dir)).score();
    System.out.println("TIMEX " + tbaq.relativize(dir) + "\n" + s.report());
    return s;
  }

  private static void assertAtLeast(
      TimexScore s, double strict, double relaxed, double type, double value) {
    assertThat(s.strictF1()).as("strict F1").isGreaterThanOrEqualTo(strict - MARGIN);
    assertThat(s.relaxedF1()).as("relaxed F1").isGreaterThanOrEqualTo(relaxed - MARGIN);
    assertThat(s.typeF1()).as("type F1").isGreaterThanOrEqualTo(type - MARGIN);
    assertThat(s.valueF1()).as("value F1").isGreaterThanOrEqualTo(value - MARGIN);
  }

  @Test
  void shouldKeepScoresOnTimeBank() throws Exception {
    assertAtLeast(score(tbaq.resolve("TimeBank")), 91.92, 95.46, 92.73, 86.54);
  }

  @Test
  void shouldKeepScoresOnAquaint() throws Exception {
    assertAtLeast(score(tbaq.resolve("AQUAINT")), 86.88, 94.55, 91.14, 78.88);
  }

  @Test
  void shouldKeepScoresOnAllOfTbaq() throws Exception {
    assertAtLeast(score(tbaq), 90.31, 95.17, 92.22, 84.08);
  }
}
