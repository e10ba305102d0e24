package io.wirestream.enrich.nlp.time;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** A pattern for one kind of temporal expression and the code that gives its matches a value. */
record Rule(String name, Pattern pattern, Normaliser normaliser) {

  /** Turns a match into zero or more expressions through {@link Context#emit}. */
  @FunctionalInterface
  interface Normaliser {
    void normalise(MatchResult match, Context context);
  }

  static Rule of(String name, String regex, Normaliser normaliser) {
    return new Rule(name, Pattern.compile(regex), normaliser);
  }
}
