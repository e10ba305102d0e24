package io.wirestream.lab.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShingleMatchTest {

  @Test
  void shouldSplitTokensAtWhatIsNotALetterDigitOrUnderscore() {
    assertThat(ShingleMatch.tokens("Don't stop — 3.5% of the_best, Müller!"))
        .containsExactly("Don", "t", "stop", "3", "5", "of", "the_best", "Müller");
  }

  @Test
  void shouldMatchIdenticalTextsWhateverTheirWhitespaceAndPunctuation() {
    ShingleMatch m =
        ShingleMatch.of("one two three four five", "One? no: one two, three\nfour five");

    assertThat(m.fn()).isZero();
    assertThat(m.tp()).isGreaterThan(0);
  }

  @Test
  void shouldCountSharedMissingAndExtraShinglesAsSharesOfThePage() {
    // gold shingles: [a b c d] [b c d e]; system: [a b c d] [b c d x] [c d x y]
    ShingleMatch m = ShingleMatch.of("a b c d e", "a b c d x y");

    assertThat(m.tp()).isCloseTo(1 / 4.0, within(1e-9));
    assertThat(m.fp()).isCloseTo(2 / 4.0, within(1e-9));
    assertThat(m.fn()).isCloseTo(1 / 4.0, within(1e-9));
  }

  @Test
  void shouldCountARepeatedShingleAsOftenAsItOccurs() {
    ShingleMatch m = ShingleMatch.of("a b c d a b c d", "a b c d");

    // gold: [a b c d] x2, [b c d a], [c d a b], [d a b c]; system: [a b c d] once.
    assertThat(m.tp()).isCloseTo(1 / 5.0, within(1e-9));
    assertThat(m.fn()).isCloseTo(4 / 5.0, within(1e-9));
  }

  @Test
  void shouldTreatATextShorterThanAShingleAsOneShingle() {
    assertThat(ShingleMatch.of("Hello world", "hello world").tp()).isZero();
    assertThat(ShingleMatch.of("Hello world", "Hello world").tp()).isEqualTo(1);
  }

  @Test
  void shouldWeighEveryPageTheSameWhateverItsLength() {
    ShingleMatch longPerfect =
        ShingleMatch.of("a b c d e f g h i j k l", "a b c d e f g h i j k l");
    ShingleMatch shortMissed = ShingleMatch.of("w x y z", "");

    ShingleMatch.Score score = ShingleMatch.Score.of(List.of(longPerfect, shortMissed));

    assertThat(score.precision()).isEqualTo(1);
    assertThat(score.recall()).isCloseTo(0.5, within(1e-9));
    assertThat(score.f1()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(score.pages()).isEqualTo(2);
  }

  @Test
  void shouldScoreNothingWhenBothTextsAreEmpty() {
    ShingleMatch.Score score = ShingleMatch.Score.of(List.of(ShingleMatch.of("", "")));

    assertThat(score.f1()).isZero();
  }
}
