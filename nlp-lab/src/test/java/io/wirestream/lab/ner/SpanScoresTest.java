package io.wirestream.lab.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.lab.ner.SpanScores.Mention;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanScoresTest {

  @Test
  void shouldCountOnlyExactSpanAndTypeMatchesAsCorrect() {
    SpanScores scores = new SpanScores(List.of("PER", "LOC", "ORG", "MISC"));
    scores.add(
        List.of(new Mention(0, 2, "PER"), new Mention(5, 6, "LOC"), new Mention(8, 9, "ORG")),
        // exact PER; LOC with the wrong type; ORG one token too long
        List.of(new Mention(0, 2, "PER"), new Mention(5, 6, "ORG"), new Mention(8, 10, "ORG")));
    scores.add(List.of(new Mention(1, 2, "LOC")), List.of(new Mention(1, 2, "LOC")));

    // 2 correct of 4 predicted and 4 gold: P = R = F1 = 0.5
    SpanScores.Counts overall = scores.overall();
    assertThat(overall).isEqualTo(new SpanScores.Counts(2, 4, 4));
    assertThat(overall.precision()).isEqualTo(0.5);
    assertThat(overall.f1()).isEqualTo(0.5);
    assertThat(scores.byType().get("LOC")).isEqualTo(new SpanScores.Counts(1, 1, 2));
    assertThat(scores.byType().get("ORG")).isEqualTo(new SpanScores.Counts(0, 2, 1));
    assertThat(scores.byType().get("MISC")).isEqualTo(new SpanScores.Counts(0, 0, 0));
  }

  @Test
  void shouldComputeF1AsHarmonicMeanOfPrecisionAndRecall() {
    SpanScores scores = new SpanScores(List.of("PER"));
    // 3 gold, 2 predicted, 1 correct: P = 1/2, R = 1/3, F1 = 2PR/(P+R) = 0.4
    scores.add(
        List.of(new Mention(0, 1, "PER"), new Mention(2, 3, "PER"), new Mention(4, 5, "PER")),
        List.of(new Mention(0, 1, "PER"), new Mention(2, 4, "PER")));

    SpanScores.Counts c = scores.overall();
    assertThat(c.precision()).isCloseTo(0.5, within(1e-12));
    assertThat(c.recall()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(c.f1()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void shouldIgnoreTypesOutsideTheScoredSet() {
    SpanScores scores = new SpanScores(List.of("PER", "LOC", "ORG"));
    scores.add(
        List.of(new Mention(0, 1, "PER")),
        List.of(new Mention(0, 1, "PER"), new Mention(3, 4, "MISC")));

    assertThat(scores.overall()).isEqualTo(new SpanScores.Counts(1, 1, 1));
    assertThat(scores.byType()).doesNotContainKey("MISC");
  }

  @Test
  void shouldScoreZeroWithoutPredictionsOrGold() {
    SpanScores.Counts none = new SpanScores(List.of("PER")).overall();

    assertThat(none.precision()).isZero();
    assertThat(none.recall()).isZero();
    assertThat(none.f1()).isZero();
  }

  @Test
  void shouldReportOverallAndPerTypeLines() {
    SpanScores scores = new SpanScores(List.of("PER", "LOC"));
    scores.add(List.of(new Mention(0, 1, "PER")), List.of(new Mention(0, 1, "PER")));

    assertThat(scores.report())
        .contains("overall   100.00  100.00  100.00       1       1       1")
        .contains("LOC         0.00    0.00    0.00       0       0       0");
  }
}
