package io.wirestream.enrich.nlp.lang;

import java.util.Locale;
import java.util.Set;

/** Language codes as sources give them, reduced to ISO 639-1 and compared. */
public final class Languages {

  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  private Languages() {}

  /**
   * The ISO 639-1 code of a declared language ({@code "en"}, {@code "en-GB"}, {@code "pt_BR"},
   * {@code "EN"}, the retired {@code "iw"}), or null when it names none: blank, a language name, a
   * three-letter code without a two-letter one, or garbage.
   */
  public static String normalise(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    String primary = declared.strip().replace('_', '-');
    int dash = primary.indexOf('-');
    if (dash >= 0) {
      primary = primary.substring(0, dash);
    }
    if (primary.length() != 2) {
      return null;
    }
    // Locale maps the retired codes (iw, in, ji) to the current ones.
    String code = Locale.forLanguageTag(primary.toLowerCase(Locale.ROOT)).getLanguage();
    return ISO_639_1.contains(code) ? code : null;
  }

  /**
   * Whether two ISO 639-1 codes name the same language for routing: equal, or both Norwegian
   * ({@code no} is what most sites declare, {@code nb} and {@code nn} what detectors name).
   */
  public static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return a.equals(b) || (norwegian(a) && norwegian(b));
  }

  private static boolean norwegian(String code) {
    return code.equals("no") || code.equals("nb") || code.equals("nn");
  }
}
