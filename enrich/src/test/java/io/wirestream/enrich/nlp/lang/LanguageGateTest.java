package io.wirestream.enrich.nlp.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.nlp.lang.LanguageGate.Basis;
import io.wirestream.enrich.nlp.lang.LanguageGate.Decision;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shipped detector on news-like fixtures, and the rule around it. */
class LanguageGateTest {

  static final String GERMAN =
      "Die Bundesregierung hat am Mittwoch in Berlin ein neues Gesetz zur Förderung erneuerbarer"
          + " Energien beschlossen. Der Wirtschaftsminister sagte, die Kosten für die Verbraucher"
          + " würden in den kommenden Jahren deutlich sinken.";
  static final String FRENCH =
      "Le gouvernement a présenté mercredi à Paris un projet de loi sur les retraites. Selon le"
          + " ministre, la réforme doit entrer en vigueur au début de l'année prochaine malgré"
          + " l'opposition des syndicats.";
  static final String SPANISH =
      "El presidente del Gobierno anunció el miércoles en Madrid un nuevo plan de vivienda. Según"
          + " el ministerio, las ayudas llegarán a más de cien mil familias antes de que termine"
          + " el año.";
  static final String ENGLISH =
      "The central bank raised interest rates on Wednesday for the third time this year, saying"
          + " inflation remained too high and that further increases could not be ruled out.";

  /** An English report quoting a German sentence: mostly English. */
  static final String MIXED =
      ENGLISH + " \"Wir werden das schaffen\", the chancellor said, before leaving for Brussels.";

  private static final LanguageGate GATE = LanguageGate.english();

  @Test
  void shouldDetectGermanFrenchSpanishAndEnglishNews() {
    assertThat(GATE.decide("de", GERMAN, null).language()).isEqualTo("de");
    assertThat(GATE.decide("fr", FRENCH, null).language()).isEqualTo("fr");
    assertThat(GATE.decide("es", SPANISH, null).language()).isEqualTo("es");
    Decision english = GATE.decide("en", ENGLISH, null);
    assertThat(english.language()).isEqualTo("en");
    assertThat(english.basis()).isEqualTo(Basis.DETECTED);
    assertThat(english.supported()).isTrue();
  }

  @Test
  void shouldNameTheMainLanguageOfAMixedText() {
    assertThat(GATE.decide("mixed", MIXED, null).language()).isEqualTo("en");
  }

  @Test
  void shouldSkipLanguagesWithoutModelsAndSayWhy() {
    Decision german = GATE.decide("de", GERMAN, "de");

    assertThat(german.supported()).isFalse();
    assertThat(german.skipReason()).isEqualTo("language de is not supported");
    assertThat(german.overrules()).isFalse();
  }

  @Test
  void shouldOverruleADeclaredLanguageTheTextContradicts() {
    Decision decision = GATE.decide("de-as-en", GERMAN, "en-US");

    assertThat(decision.language()).isEqualTo("de");
    assertThat(decision.declared()).isEqualTo("en");
    assertThat(decision.overrules()).isTrue();
    assertThat(LanguageGate.overrules("en-US", decision.language())).isTrue();
    assertThat(LanguageGate.overrules("de", decision.language())).isFalse();
  }

  @Test
  void shouldNotDetectTheLanguageOfATableOfFigures() {
    String earnings =
        "Shr 42 cts vs 39 cts  Net 12.3 mln vs 9,382,000  Sales 172.0 mln vs 146.00 mln  Avg shrs"
            + " 29.5 mln vs 24.3 mln  Year  Shr 1.63 dlrs vs 1.35 dlrs  Net 47.1 mln vs 36.5 mln"
            + "  Sales 640.2 mln vs 571.9 mln  Avg shrs 28.9 mln vs 27.0 mln";
    assertThat(LanguageGate.digitShare(earnings, 1000)).isGreaterThan(LanguageGate.MAX_DIGIT_SHARE);

    Decision decision = GATE.decide("table", earnings, null);

    assertThat(decision.language()).isEqualTo("en");
    assertThat(decision.basis()).isEqualTo(LanguageGate.Basis.DEFAULT);
    assertThat(LanguageGate.digitShare(GERMAN, 1000)).isLessThan(0.05);
  }

  @Test
  void shouldFallBackToTheDeclaredLanguageOnAShortText() {
    Decision decision = GATE.decide("short", "Merkel in Paris", "de");

    assertThat(decision.language()).isEqualTo("de");
    assertThat(decision.basis()).isEqualTo(Basis.DECLARED);
    assertThat(decision.overrules()).isFalse();
  }

  @Test
  void shouldFallBackToEnglishOnAShortTextWithoutAValidDeclaration() {
    Decision decision = GATE.decide("short", "Gespräche in Paris", "german");

    assertThat(decision.language()).isEqualTo("en");
    assertThat(decision.basis()).isEqualTo(Basis.DEFAULT);
    assertThat(decision.declared()).isNull();
  }

  @Test
  void shouldKeepTheDeclaredLanguageWhenTheDetectorIsUnsure() {
    LanguageGate unsure =
        new LanguageGate(() -> fixed(new Detection("fr", 0.3)), java.util.Set.of("en"));

    Decision decision = unsure.decide("x", ENGLISH, "it");

    assertThat(decision.language()).isEqualTo("it");
    assertThat(decision.basis()).isEqualTo(Basis.DECLARED);
  }

  @Test
  void shouldBuildTheDetectorOnceOnFirstUse() {
    AtomicInteger built = new AtomicInteger();
    LanguageGate gate =
        new LanguageGate(
            () -> {
              built.incrementAndGet();
              return fixed(new Detection("en", 1));
            },
            java.util.Set.of("en"));

    assertThat(built).hasValue(0);
    gate.decide("a", ENGLISH, null);
    gate.decide("b", GERMAN, null);
    assertThat(built).hasValue(1);
  }

  private static LanguageDetector fixed(Detection detection) {
    return new LanguageDetector() {
      @Override
      public Detection detect(CharSequence text) {
        return detection;
      }

      @Override
      public String model() {
        return "fixed";
      }
    };
  }
}
