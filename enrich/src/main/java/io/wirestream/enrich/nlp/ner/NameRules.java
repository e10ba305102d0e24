package io.wirestream.enrich.nlp.ner;

import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/** Fixes the name finder's output where news style is regular enough for a rule. */
final class NameRules {

  /**
   * Arabic surnames carry a lowercase article ("Bashar al-Assad"); the lowercase start makes the
   * model end the name before it, though CoNLL annotates it inside the name.
   */
  private static final Pattern ARABIC_PARTICLE =
      Pattern.compile("(?:al|el|ad|ash|as|ar|an|az|at|bin|ibn|abu|bint)-\\p{Lu}.*");

  private NameRules() {}

  static Span[] apply(String[] tokens, Span[] names) {
    Span[] fixed = names;
    for (int n = 0; n < names.length; n++) {
      Span name = names[n];
      int next = name.getEnd();
      boolean free =
          next < tokens.length && (n + 1 == names.length || names[n + 1].getStart() > next);
      if (free && "PER".equals(name.getType()) && ARABIC_PARTICLE.matcher(tokens[next]).matches()) {
        if (fixed == names) {
          fixed = names.clone();
        }
        fixed[n] = new Span(name.getStart(), next + 1, name.getType(), name.getProb());
      }
    }
    return fixed;
  }
}
