package io.wirestream.bench;

import java.util.List;
import java.util.Random;

/**
 * Article bodies of a given length, of the kinds whose cost once grew faster than their length:
 * prose (Reuters stories end to end), entity-dense text (a name in nearly every other word, many of
 * them repeated by surname or acronym, so grouping has work to do), one short word repeated, one
 * run of letters and punctuation without a space, and one run of a word repeated without a space.
 */
final class LongTexts {

  private static final String[] FIRST = {
    "Vladimir", "Sergei", "Rex", "Angela", "Emmanuel", "Theresa", "Xi", "Shinzo", "Justin",
    "Recep", "Hassan", "Bashar", "Donald", "Boris", "Jean-Claude", "Federica", "Nicolas", "Mario",
    "Jacob", "Narendra"
  };
  private static final String[] LAST = {
    "Putin",
    "Lavrov",
    "Tillerson",
    "Merkel",
    "Macron",
    "May",
    "Jinping",
    "Abe",
    "Trudeau",
    "Erdogan",
    "Rouhani",
    "al-Assad",
    "Trump",
    "Johnson",
    "Juncker",
    "Mogherini",
    "Maduro",
    "Draghi",
    "Zuma",
    "Modi",
    "Smith",
    "Brown",
    "Tanaka",
    "Okafor",
    "Novak"
  };
  private static final String[] ORGS = {
    "United Nations",
    "European Union",
    "World Trade Organization",
    "International Monetary Fund",
    "Bank of England",
    "Federal Reserve",
    "General Motors",
    "Royal Dutch Shell",
    "Deutsche Bank",
    "North Atlantic Treaty Organization"
  };
  private static final String[] ACRONYMS = {"UN", "EU", "WTO", "IMF", "NATO", "GM", "OPEC"};
  private static final String[] PLACES = {
    "Moscow",
    "Washington",
    "Berlin",
    "Paris",
    "London",
    "Beijing",
    "Tokyo",
    "Ottawa",
    "Ankara",
    "Tehran",
    "Damascus",
    "Brussels",
    "Caracas",
    "Frankfurt",
    "Pretoria",
    "New Delhi",
    "Syria",
    "United States",
    "U.S.",
    "Britain",
    "Japan",
    "Lagos"
  };

  private LongTexts() {}

  static String of(String kind, int chars) {
    return switch (kind) {
      case "prose" -> prose(chars);
      case "dense" -> dense(chars);
      case "repeated" -> "a ".repeat(chars / 2 + 1).substring(0, chars);
      case "token" -> "a.b-".repeat(chars / 4 + 1).substring(0, chars);
      case "letters" -> "word".repeat(chars / 4 + 1).substring(0, chars);
      default -> throw new IllegalArgumentException("unknown kind of text: " + kind);
    };
  }

  /** Reuters bodies one after another, paragraphs apart, cut at a space. */
  private static String prose(int chars) {
    StringBuilder out = new StringBuilder(chars + 10_000);
    List<String> bodies = NerReuters.bodies(20_000);
    for (int i = 0; out.length() < chars; i++) {
      out.append(bodies.get(i % bodies.size())).append("\n\n");
    }
    return cut(out, chars);
  }

  /** Sentences made of names; the same seed gives the same text. */
  private static String dense(int chars) {
    Random random = new Random(chars);
    StringBuilder out = new StringBuilder(chars + 200);
    while (out.length() < chars) {
      String first = pick(random, FIRST);
      String last = pick(random, LAST);
      String org = pick(random, ORGS);
      out.append(first)
          .append(' ')
          .append(last)
          .append(" of the ")
          .append(org)
          .append(" met ")
          .append(pick(random, FIRST))
          .append(' ')
          .append(pick(random, LAST))
          .append(" in ")
          .append(pick(random, PLACES))
          .append(" on Monday, and ")
          .append(last)
          .append(" told ")
          .append(pick(random, ACRONYMS))
          .append(" officials in ")
          .append(pick(random, PLACES))
          .append(" that ")
          .append(pick(random, LAST))
          .append(" would visit ")
          .append(pick(random, PLACES))
          .append(" on March 3.");
      out.append(random.nextInt(4) == 0 ? "\n\n" : " ");
    }
    return cut(out, chars);
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  private static String cut(StringBuilder text, int chars) {
    int end = chars;
    while (end > 0 && !Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end == 0 ? chars : end);
  }
}
