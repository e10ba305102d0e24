package io.wirestream.lab.timeml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Scores computed by hand. gold/putin.tml has 4 TIMEX3s, system/putin.tml 5: "Wednesday" matches
 * exactly, "January" exactly but with a wrong value, "three years" overlaps "the past three years"
 * with the right value, "Now" is missed, "hard" and "ends" are spurious. gold/second.tml (2
 * TIMEX3s) has no system file, so both are missed. G = 6, S = 5, strict 2, relaxed 3, type 3, value
 * 2.
 */
class TimexScorerTest {

  private static final double EPS = 0.01;

  @Test
  void shouldScoreDirectoriesAsComputedByHand() throws Exception {
    TimexScorer.Result r =
        TimexEvaluation.compareDirectories(Fixtures.dir("gold"), Fixtures.dir("system"));
    TimexScore s = r.score();

    assertThat(s).isEqualTo(new TimexScore(6, 5, 2, 3, 3, 2));
    assertThat(s.strictPrecision()).isCloseTo(40.0, within(EPS));
    assertThat(s.strictRecall()).isCloseTo(33.33, within(EPS));
    assertThat(s.strictF1()).isCloseTo(36.36, within(EPS));
    assertThat(s.relaxedPrecision()).isCloseTo(60.0, within(EPS));
    assertThat(s.relaxedRecall()).isCloseTo(50.0, within(EPS));
    assertThat(s.relaxedF1()).isCloseTo(54.55, within(EPS));
    assertThat(s.typeF1()).isCloseTo(54.55, within(EPS));
    assertThat(s.valueF1()).isCloseTo(36.36, within(EPS));
  }

  @Test
  void shouldListEveryErrorWithItsKind() throws Exception {
    TimexScorer.Result r =
        TimexEvaluation.compareDirectories(Fixtures.dir("gold"), Fixtures.dir("system"));
    Map<TimexError.Kind, Long> kinds =
        r.errors().stream().collect(Collectors.groupingBy(TimexError::kind, Collectors.counting()));

    assertThat(kinds)
        .containsEntry(TimexError.Kind.MISSED, 3L)
        .containsEntry(TimexError.Kind.SPURIOUS, 2L)
        .containsEntry(TimexError.Kind.WRONG_VALUE, 1L)
        .containsEntry(TimexError.Kind.WRONG_EXTENT, 1L)
        .hasSize(4);
    TimexError wrong =
        r.errors().stream()
            .filter(e -> e.kind() == TimexError.Kind.WRONG_VALUE)
            .findFirst()
            .orElseThrow();
    assertThat(wrong.gold().value()).isEqualTo("2017-01");
    assertThat(wrong.system().value()).isEqualTo("2016-01");
    assertThat(wrong.context()).contains("[January]");
  }

  @Test
  void shouldPairOverlapsOneToOne() {
    String text = "from the past three years";
    Timex gold = new Timex("t1", 5, 25, "the past three years", "DURATION", "P3Y");
    Timex first = new Timex("t1", 5, 13, "the past", "DATE", "PAST_REF");
    Timex second = new Timex("t2", 14, 25, "three years", "DURATION", "P3Y");

    TimexScore s = TimexScorer.score("d", text, List.of(gold), List.of(second, first)).score();

    // One gold expression can match only one of the two overlapping system expressions.
    assertThat(s.relaxed()).isEqualTo(1);
    assertThat(s.system()).isEqualTo(2);
    assertThat(s.relaxedPrecision()).isCloseTo(50.0, within(EPS));
    assertThat(s.relaxedRecall()).isCloseTo(100.0, within(EPS));
  }

  @Test
  void shouldGiveZeroNotNanOnEmptyInput() {
    TimexScore s = TimexScorer.score("d", "", List.of(), List.of()).score();
    assertThat(s.valueF1()).isZero();
    assertThat(s.report()).contains("value F1");
  }
}
