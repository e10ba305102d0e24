package io.wirestream.enrich.nlp.lang;

import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the language of an article, and so whether enrich can analyse it. Shared by all stream
 * threads; the detector is built on first use.
 *
 * <p>The rule: (1) a text with at least {@link #MIN_LETTERS} letters is given to the detector; if
 * it names a language with a confidence of at least {@link #MIN_CONFIDENCE}, that is the language,
 * even when the source declared another, since sources declare their site's language rather than
 * the article's, and some declare {@code en} for every page (such a disagreement is logged at debug
 * and counted, {@link Decision#overrules()}); (2) otherwise, for a headline-sized text or a
 * detector unsure between languages, the source's declared language counts when it names an ISO
 * 639-1 language ({@link Languages#normalise}); (3) otherwise the article is taken to be English,
 * which is what enrich has always assumed.
 */
public final class LanguageGate {

  /**
   * Fewer letters than this and detection is a guess: a sentence of names reads as another language
   * ("Angela Merkel met Emmanuel Macron in Paris on Monday." as Dutch, "Angela Merkel visited Paris
   * on Monday." as Zulu, both with confidence 1.0), a headline of a few words as a close one
   * (Indonesian as Malay). Lingua's low-accuracy mode is documented for texts of 120 characters and
   * more; under that the source's declaration says as much.
   */
  public static final int MIN_LETTERS = 120;

  /**
   * Below this the detector finds its best language less likely than all the others together (a
   * mixed text, or one between close languages); then the source's declaration is the better guess.
   * Lingua's confidence saturates on most texts, so the letter count guards more.
   */
  public static final double MIN_CONFIDENCE = 0.5;

  /**
   * A text whose letters and digits are more than this share digits is a table (an earnings report,
   * a price list) more than prose: its few words read as any language ("Shr 42 cts vs 39 cts Net
   * 12.3 mln" as Nynorsk), so it is not given to the detector. Counted over the detector's sample.
   * On the Reuters-21578 stories, all English, this keeps 44 of the 55 it misnamed English; prose
   * has a few percent of digits.
   */
  public static final double MAX_DIGIT_SHARE = 0.15;

  /** The language assumed when neither detector nor source can tell. */
  public static final String DEFAULT_LANGUAGE = "en";

  private static final Logger LOG = LoggerFactory.getLogger(LanguageGate.class);

  /** Why an article got its language. */
  public enum Basis {
    DETECTED,
    DECLARED,
    DEFAULT
  }

  /**
   * @param language ISO 639-1 code
   * @param declared what the source declared, reduced to ISO 639-1; null when it declared none or
   *     nothing valid
   * @param supported whether enrich has models for {@code language}
   */
  public record Decision(String language, Basis basis, String declared, boolean supported) {

    /** Whether the detector overruled a language the source declared. */
    public boolean overrules() {
      return basis == Basis.DETECTED && declared != null && !Languages.same(declared, language);
    }

    /** What {@code enrichment.skipped} says of an article in a language without models. */
    public String skipReason() {
      return supported ? null : "language " + language + " is not supported";
    }
  }

  /**
   * Whether an enrichment's language overruled the one the source declared: for a record, what
   * {@link Decision#overrules()} said of its decision (the declared language is kept otherwise).
   */
  public static boolean overrules(String declared, String decided) {
    String source = Languages.normalise(declared);
    return source != null && decided != null && !Languages.same(source, decided);
  }

  private final Supplier<LanguageDetector> detectors;
  private final Set<String> supported;
  private volatile LanguageDetector detector;

  /**
   * @param detector built on the first article, once
   * @param supported the ISO 639-1 codes enrich has models for
   */
  public LanguageGate(Supplier<LanguageDetector> detector, Set<String> supported) {
    this.detectors = detector;
    this.supported = Set.copyOf(supported);
  }

  /** English only, detected by {@link LanguageDetectors#shared()}. */
  public static LanguageGate english() {
    return new LanguageGate(LanguageDetectors::shared, Set.of("en"));
  }

  public Set<String> supported() {
    return supported;
  }

  /** The detector's model name; builds the detector. */
  public String model() {
    return detector().model();
  }

  /**
   * @param id the article's id, for the log
   * @param text what enrich would analyse
   * @param declared the source's {@code language}, as given
   */
  public Decision decide(String id, CharSequence text, String declared) {
    String source = Languages.normalise(declared);
    if (letters(text, MIN_LETTERS) >= MIN_LETTERS
        && digitShare(text, LanguageDetectors.SAMPLE_CHARS) <= MAX_DIGIT_SHARE) {
      Detection found = detector().detect(text);
      if (found.known() && found.confidence() >= MIN_CONFIDENCE) {
        Decision decision = decision(found.language(), Basis.DETECTED, source);
        if (decision.overrules()) {
          LOG.debug(
              "article {} declares language {}, detected {} ({})",
              id,
              declared,
              found.language(),
              found.confidence());
        }
        return decision;
      }
    }
    return source != null
        ? decision(source, Basis.DECLARED, source)
        : decision(DEFAULT_LANGUAGE, Basis.DEFAULT, null);
  }

  private Decision decision(String language, Basis basis, String declared) {
    boolean known = false;
    for (String s : supported) {
      known |= Languages.same(s, language);
    }
    return new Decision(language, basis, declared, known);
  }

  private LanguageDetector detector() {
    LanguageDetector d = detector;
    if (d == null) {
      synchronized (this) {
        d = detector;
        if (d == null) {
          d = detectors.get();
          detector = d;
        }
      }
    }
    return d;
  }

  /** How much of the detector's sample a text's digits are: over the letters and digits. */
  static double digitShare(CharSequence text, int sample) {
    int digits = 0;
    int alphanumerics = 0;
    for (int i = 0; i < text.length() && i < sample; i++) {
      char c = text.charAt(i);
      if (Character.isDigit(c)) {
        digits++;
        alphanumerics++;
      } else if (Character.isLetter(c)) {
        alphanumerics++;
      }
    }
    return alphanumerics == 0 ? 0.0 : digits / (double) alphanumerics;
  }

  /** Letters in {@code text}, counted up to {@code enough}. */
  static int letters(CharSequence text, int enough) {
    int count = 0;
    for (int i = 0; i < text.length() && count < enough; i++) {
      if (Character.isLetter(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }
}
