package io.wirestream.ingest.page;

import java.util.Locale;
import java.util.Set;

/**
 * Checks the language a page declares against its text, where that is cheap and sure: a page
 * declared English whose body has almost none of the commonest English words is not English (on the
 * web corpus, Zulu, Xhosa and Swahili pages of publishers whose template says {@code lang="en"}).
 * Other declarations are kept; language identification proper belongs to a later stage.
 */
final class DeclaredLanguage {

  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  private static final Set<String> ENGLISH_FUNCTION_WORDS =
      Set.of(
          "the", "and", "of", "to", "in", "is", "that", "for", "was", "on", "with", "as", "it",
          "he", "said", "by", "at", "from", "his", "be", "have", "are", "has");

  /** Too few words to judge by. */
  private static final int MIN_WORDS = 50;

  /** English prose has about a quarter of these words; other languages under a twentieth. */
  private static final double MIN_ENGLISH_SHARE = 0.05;

  private DeclaredLanguage() {}

  /** The ISO 639-1 code of a {@code lang} value ({@code en-GB}, {@code de_DE}), or empty. */
  static String code(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    int end = 0;
    while (end < v.length() && Character.isLetter(v.charAt(end))) {
      end++;
    }
    String code = v.substring(0, end);
    boolean tagEnds = end == v.length() || v.charAt(end) == '-' || v.charAt(end) == '_';
    return tagEnds && code.length() == 2 && ISO_639_1.contains(code) ? code : "";
  }

  /** The declared language, or empty when the body plainly contradicts it. */
  static String checked(String declared, String body) {
    if (!declared.equals("en")) {
      return declared;
    }
    var words = Shingles.words(body);
    if (words.size() < MIN_WORDS) {
      return declared;
    }
    long english = words.stream().filter(ENGLISH_FUNCTION_WORDS::contains).count();
    return english < MIN_ENGLISH_SHARE * words.size() ? "" : declared;
  }
}
