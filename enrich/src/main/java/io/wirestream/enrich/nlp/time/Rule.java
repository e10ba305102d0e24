package io.wirestream.enrich.nlp.time;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern for one kind of temporal expression and the code that gives its matches a value, with
 * the ASCII characters a match can start with, so that the tagger tries the pattern only there.
 */
record Rule(
    String name,
    Pattern pattern,
    List<String> groupNames,
    Normaliser normaliser,
    boolean[] firstChars) {

  /** A named group opens with "(?<" and a letter; "(?<=" and "(?<!" are lookbehinds. */
  private static final Pattern GROUP_NAME =
      Pattern.compile("(?<!\\\\)\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  /** Turns a match into zero or more expressions through {@link Context#emit}. */
  @FunctionalInterface
  interface Normaliser {
    void normalise(Match match, Context context);
  }

  static Rule of(String name, String regex, Normaliser normaliser) {
    Pattern p = Pattern.compile(regex);
    return new Rule(name, p, groupNames(p), normaliser, firstChars(p));
  }

  /**
   * The names of the pattern's named groups, found in its source since {@code
   * Pattern.namedGroups()} is not in Java 17.
   */
  private static List<String> groupNames(Pattern p) {
    List<String> names = new ArrayList<>();
    Matcher scan = GROUP_NAME.matcher(p.pattern());
    while (scan.find()) {
      names.add(scan.group(1));
    }
    return List.copyOf(names);
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
