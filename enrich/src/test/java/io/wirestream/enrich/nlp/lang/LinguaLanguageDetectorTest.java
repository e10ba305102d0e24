package io.wirestream.enrich.nlp.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinguaLanguageDetectorTest {

  @Test
  void shouldCutTheSampleAtASpaceBeforeTheLimit() {
    assertThat(LinguaLanguageDetector.sample("one two three", 9)).isEqualTo("one two");
    assertThat(LinguaLanguageDetector.sample("short", 9)).isEqualTo("short");
    assertThat(LinguaLanguageDetector.sample("abcdefghijkl", 6)).isEqualTo("abcdef");
  }

  @Test
  void shouldNotSplitASurrogatePair() {
    String text = "x".repeat(5) + "\uD83D\uDE00" + "y".repeat(5);

    assertThat(LinguaLanguageDetector.sample(text, 6)).isEqualTo("xxxxx");
  }

  @Test
  void shouldNameLanguagesByIso6391() {
    LanguageDetector detector = LanguageDetectors.shared();

    assertThat(detector.detect(LanguageGateTest.GERMAN).language()).isEqualTo("de");
    assertThat(detector.detect(LanguageGateTest.GERMAN).confidence()).isGreaterThan(0.9);
    assertThat(detector.detect("").known()).isFalse();
    assertThat(detector.model()).startsWith("lingua-1.2.2-");
  }
}
