package io.wirestream.enrich.nlp.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

  @Test
  void shouldReduceDeclaredLanguagesToIso6391() {
    assertThat(Languages.normalise("en")).isEqualTo("en");
    assertThat(Languages.normalise("EN")).isEqualTo("en");
    assertThat(Languages.normalise(" en-GB ")).isEqualTo("en");
    assertThat(Languages.normalise("pt_BR")).isEqualTo("pt");
    assertThat(Languages.normalise("iw")).isEqualTo("he");
  }

  @Test
  void shouldNameNoLanguageForWhatIsNoIso6391Code() {
    assertThat(Languages.normalise(null)).isNull();
    assertThat(Languages.normalise("  ")).isNull();
    assertThat(Languages.normalise("english")).isNull();
    assertThat(Languages.normalise("deu")).isNull();
    assertThat(Languages.normalise("xx")).isNull();
    assertThat(Languages.normalise("-")).isNull();
  }

  @Test
  void shouldTakeTheNorwegianCodesForOneLanguage() {
    assertThat(Languages.same("no", "nb")).isTrue();
    assertThat(Languages.same("nn", "no")).isTrue();
    assertThat(Languages.same("de", "de")).isTrue();
    assertThat(Languages.same("da", "nb")).isFalse();
    assertThat(Languages.same(null, "en")).isFalse();
  }
}
