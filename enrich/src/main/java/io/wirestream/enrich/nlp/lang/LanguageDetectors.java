package io.wirestream.enrich.nlp.lang;

/** The detector enrich runs, built once per JVM on first use and shared by every thread. */
public final class LanguageDetectors {

  /** How much of a body the detector reads: a longer sample costs time and changes no result. */
  public static final int SAMPLE_CHARS = 1000;

  private LanguageDetectors() {}

  /** Lingua over {@link LinguaLanguages#NEWS}, low-accuracy mode, the first 1000 characters. */
  public static LanguageDetector shared() {
    return Holder.DETECTOR;
  }

  private static final class Holder {
    static final LanguageDetector DETECTOR =
        new LinguaLanguageDetector(LinguaLanguages.NEWS, true, SAMPLE_CHARS);
  }
}
