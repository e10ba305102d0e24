package io.wirestream.enrich.nlp.lang;

/**
 * What a {@link LanguageDetector} found.
 *
 * @param language ISO 639-1 code, lowercase; null when the detector cannot tell
 * @param confidence the detector's probability for {@code language} among the languages it knows, 0
 *     to 1
 */
public record Detection(String language, double confidence) {

  public static final Detection UNKNOWN = new Detection(null, 0);

  public boolean known() {
    return language != null;
  }
}
