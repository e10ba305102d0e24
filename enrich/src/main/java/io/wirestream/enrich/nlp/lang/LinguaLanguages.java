package io.wirestream.enrich.nlp.lang;

import com.github.pemistahl.lingua.api.Language;
import java.util.List;
import java.util.stream.Stream;

/** The language sets enrich's Lingua detector is built with. */
public final class LinguaLanguages {

  /**
   * The languages of the news enrich is fed, as far as Lingua knows them: the official languages of
   * the EU, the other languages of Europe's and the Americas' press, and the large languages of
   * Asia, the Middle East and Africa. A text in a language outside the set is named after the
   * closest one in it; for routing that is still "not English".
   */
  public static final List<Language> NEWS =
      Stream.of(
              // EU
              "bg",
              "hr",
              "cs",
              "da",
              "nl",
              "en",
              "et",
              "fi",
              "fr",
              "de",
              "el",
              "hu",
              "ga",
              "it",
              "lv",
              "lt",
              "pl",
              "pt",
              "ro",
              "sk",
              "sl",
              "es",
              "sv",
              // rest of Europe
              "nb",
              "nn",
              "is",
              "ca",
              "eu",
              "sq",
              "bs",
              "sr",
              "mk",
              "uk",
              "be",
              "ru",
              "tr",
              "hy",
              "ka",
              "az",
              "kk",
              // Asia, Middle East, Africa
              "ar",
              "he",
              "fa",
              "ur",
              "hi",
              "bn",
              "pa",
              "mr",
              "gu",
              "ta",
              "te",
              "zh",
              "ja",
              "ko",
              "vi",
              "th",
              "id",
              "ms",
              "tl",
              "sw",
              "zu",
              "xh",
              "af",
              "so",
              "yo")
          .map(LinguaLanguageDetector::language)
          .toList();

  private LinguaLanguages() {}
}
