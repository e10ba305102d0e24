package io.wirestream.enrich.nlp.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Lingua's n-gram detector over the first {@code sampleChars} characters of a text. Lingua loads
 * each language's model on first use and is thread-safe once built.
 */
public final class LinguaLanguageDetector implements LanguageDetector {

  /** Lingua's version, for the model name; its jar says it nowhere Java can read. */
  static final String LINGUA_VERSION = "1.2.2";

  private final com.github.pemistahl.lingua.api.LanguageDetector detector;
  private final int sampleChars;
  private final String model;

  /**
   * @param languages what the detector can answer; a text in another language gets the closest
   * @param lowAccuracy trigrams only: less memory and time, worse on short texts
   * @param sampleChars how much of a text is read, cut back to a space
   */
  public LinguaLanguageDetector(
      Collection<Language> languages, boolean lowAccuracy, int sampleChars) {
    if (sampleChars < 1) {
      throw new IllegalArgumentException("sampleChars < 1: " + sampleChars);
    }
    LanguageDetectorBuilder builder =
        LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new));
    if (lowAccuracy) {
      builder = builder.withLowAccuracyMode();
    }
    this.detector = builder.build();
    this.sampleChars = sampleChars;
    this.model =
        "lingua-"
            + LINGUA_VERSION
            + "-"
            + (lowAccuracy ? "low" : "high")
            + "-"
            + languages.size()
            + "-"
            + sampleChars;
  }

  @Override
  public Detection detect(CharSequence text) {
    String sample = sample(text, sampleChars);
    SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(sample);
    if (values.isEmpty()) {
      return Detection.UNKNOWN;
    }
    Map.Entry<Language, Double> best = null;
    for (Map.Entry<Language, Double> e : values.entrySet()) {
      if (best == null || e.getValue() > best.getValue()) {
        best = e;
      }
    }
    if (best.getKey() == Language.UNKNOWN) {
      return Detection.UNKNOWN;
    }
    return new Detection(code(best.getKey()), best.getValue());
  }

  @Override
  public String model() {
    return model;
  }

  /** Lingua's language for an ISO 639-1 code. */
  public static Language language(String code) {
    for (Language language : Language.values()) {
      if (language != Language.UNKNOWN && code(language).equals(code)) {
        return language;
      }
    }
    throw new IllegalArgumentException("Lingua knows no language " + code);
  }

  static String code(Language language) {
    return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  /** The text up to {@code max} characters, cut back to the last whitespace when there is one. */
  static String sample(CharSequence text, int max) {
    if (text.length() <= max) {
      return text.toString();
    }
    int end = max;
    while (end > max / 2 && !Character.isWhitespace(text.charAt(end))) {
      end--;
    }
    if (end == max / 2) {
      end = max;
    }
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.subSequence(0, end).toString();
  }
}
