package io.wirestream.enrich.nlp.time;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern for one kind of temporal expression and the code that gives its matches a value, with
 * the ASCII characters a match can start with, so that the tagger tries the pattern only there.
 */
record Rule(String name, Pattern pattern, Normaliser normaliser, boolean[] firstChars) {

  /** Turns a match into zero or more expressions through {@link Context#emit}. */
  @FunctionalInterface
  interface Normaliser {
    void normalise(MatchResult match, Context context);
  }

  static Rule of(String name, String regex, Normaliser normaliser) {
    Pattern p = Pattern.compile(regex);
    return new Rule(name, p, normaliser, firstChars(p));
  }

  /** Whether a match may start with {@code c}; characters beyond ASCII are always tried. */
  boolean mayStartWith(char c) {
    return c >= firstChars.length || firstChars[c];
  }

  /**
   * A character can start a match if the pattern matches it alone or ran out of input while trying;
   * a pattern that rejects it without reading further rejects every text starting with it. Patterns
   * that look behind their start depend on the text before and are always tried.
   */
  private static boolean[] firstChars(Pattern p) {
    boolean[] possible = new boolean[128];
    boolean lookbehind = p.pattern().contains("(?<=");
    for (char c = 0; c < possible.length; c++) {
      if (lookbehind) {
        possible[c] = true;
        continue;
      }
      Matcher m = p.matcher(String.valueOf(c));
      possible[c] = m.lookingAt() || m.hitEnd();
    }
    return possible;
  }
}
