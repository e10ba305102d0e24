package io.wirestream.enrich.nlp.time;

import java.util.Locale;
import java.util.Set;

/**
 * Guesses whether an expression such as "Friday" points back or ahead of the publication date from
 * the verbs around it in its sentence: "said on Friday" is past, "will meet on Friday" is future.
 * No tagger is run; the nearest tense marker in the sentence wins.
 */
enum Tense {
  PAST,
  FUTURE,
  UNKNOWN;

  private static final int WINDOW = 160;

  private static final Set<String> FUTURE_WORDS =
      Set.of(
          "will",
          "'ll",
          "shall",
          "would",
          "wo",
          "won't",
          "plans",
          "planned",
          "scheduled",
          "expected",
          "expects",
          "expect",
          "due",
          "upcoming",
          "next",
          "going",
          "soon",
          "effective",
          "payable",
          "intends",
          "hopes",
          "aims",
          "set",
          "slated",
          "await",
          "awaits",
          "awaiting",
          "starting",
          "begins",
          "ends",
          "opens",
          "closes",
          "takes",
          "comes",
          "meets",
          "meet",
          "planning",
          "preparing",
          "visits",
          "holds",
          "is",
          "are");

  private static final Set<String> PAST_WORDS =
      Set.of(
          "said",
          "was",
          "were",
          "had",
          "did",
          "told",
          "took",
          "met",
          "came",
          "went",
          "began",
          "made",
          "gave",
          "rose",
          "fell",
          "won",
          "lost",
          "held",
          "saw",
          "got",
          "left",
          "sent",
          "brought",
          "bought",
          "sold",
          "paid",
          "ran",
          "spoke",
          "wrote",
          "found",
          "became",
          "ago",
          "last",
          "earlier",
          "agreed",
          "announced",
          "reported",
          "killed",
          "been",
          "struck",
          "hit",
          "led",
          "quit",
          "shot",
          "cut",
          "put",
          "fought",
          "broke",
          "chose",
          "drove",
          "flew",
          "knew",
          "thought",
          "heard",
          "felt",
          "kept",
          "meant",
          "stood",
          "understood",
          "grew",
          "threw",
          "wore",
          "tore",
          "forgot",
          "sank",
          "sang",
          "rang",
          "stole",
          "swore",
          "fled",
          "dealt",
          "spent",
          "built",
          "lent",
          "sought",
          "taught",
          "caught",
          "ended");

  /**
   * The tense of the sentence around {@code [start, end)}; the marker nearest to the expression
   * decides. "is/are" count as future only right before "to" or "due" ("is to meet").
   */
  static Tense around(String text, int start, int end) {
    int from = sentenceStart(text, start);
    int to = sentenceEnd(text, end);
    Tense before = UNKNOWN;
    int beforeDist = Integer.MAX_VALUE;
    int i = start;
    // Walk words leftwards.
    while (i > from) {
      int we = i;
      while (we > from && !isWordChar(text.charAt(we - 1))) {
        we--;
      }
      int ws = we;
      while (ws > from && isWordChar(text.charAt(ws - 1))) {
        ws--;
      }
      if (ws == we) {
        break;
      }
      Tense t = classify(text, ws, we);
      if (t == PAST && passiveBefore(text, from, ws)) {
        t = UNKNOWN; // "will be debated": the auxiliary decides
      }
      if (t == FUTURE && !progressive(text, ws, we) && pastAuxiliaryBefore(text, from, ws)) {
        t = PAST;
      }
      if (t != UNKNOWN) {
        before = t;
        beforeDist = start - we;
        break;
      }
      i = ws;
    }
    Tense lead = leadingPreposition(text, from, start);
    if (lead != UNKNOWN) {
      return lead;
    }
    Tense after = UNKNOWN;
    int afterDist = Integer.MAX_VALUE;
    i = end;
    while (i < to) {
      int ws = i;
      while (ws < to && !isWordChar(text.charAt(ws))) {
        ws++;
      }
      int we = ws;
      while (we < to && isWordChar(text.charAt(we))) {
        we++;
      }
      if (ws == we || clauseBreak(text, ws, we, to)) {
        break;
      }
      Tense t = classify(text, ws, we);
      if (t != UNKNOWN) {
        after = t;
        afterDist = ws - end;
        break;
      }
      i = we;
    }
    if (before == UNKNOWN) {
      return after;
    }
    if (after == UNKNOWN) {
      return before;
    }
    // The verb before the adverbial governs it ("said on Friday"); one after only when it is
    // much closer ("Putin on Wednesday said").
    return afterDist * 3 < beforeDist ? after : before;
  }

  /**
   * Words after which a verb belongs to another clause: in "on Saturday and were planning to" or
   * "On Friday, when she set aside her plans" the later verb says nothing about the date.
   */
  private static final Set<String> CLAUSE_BREAKS =
      Set.of(
          "and",
          "but",
          "when",
          "while",
          "because",
          "after",
          "before",
          "as",
          "if",
          "since",
          "who",
          "which",
          "where",
          "although",
          "though",
          "whose");

  /** A clause break, except "and" inside a name ("the Abortion and Reproductive Rights League"). */
  private static boolean clauseBreak(String text, int ws, int we, int to) {
    String w = text.substring(ws, we);
    if (!CLAUSE_BREAKS.contains(w)) {
      return false;
    }
    if (!w.equals("and")) {
      return true;
    }
    boolean capitalBefore = ws >= 2 && Character.isUpperCase(firstOfWordBefore(text, ws));
    boolean capitalAfter = we + 1 < to && Character.isUpperCase(text.charAt(we + 1));
    return !(capitalBefore && capitalAfter);
  }

  private static char firstOfWordBefore(String text, int ws) {
    int e = ws - 1;
    while (e > 0 && Character.isWhitespace(text.charAt(e))) {
      e--;
    }
    int s = e;
    while (s > 0 && isWordChar(text.charAt(s - 1))) {
      s--;
    }
    return text.charAt(s);
  }

  /**
   * "until Tuesday", "as soon as Tuesday", "by February": a deadline or an expected date, unless
   * the sentence is in the past perfect ("had filed reports by Wednesday").
   */
  private static Tense leadingPreposition(String text, int from, int start) {
    String left = text.substring(Math.max(from, start - 16), start).toLowerCase(Locale.ROOT);
    if (!left.matches("(?s).*\\b(?:until|till|as soon as|as early as|by|ahead of)\\s+$")) {
      return UNKNOWN;
    }
    // The past perfect of the clause: a few words before ("had filed reports by Monday") or
    // anywhere after ("Until Thursday, they had not called him a suspect").
    int to = sentenceEnd(text, start);
    String clause = text.substring(Math.max(from, start - 50), to).toLowerCase(Locale.ROOT);
    return clause.matches("(?s).*\\bhad\\b.*") ? UNKNOWN : FUTURE;
  }

  private static boolean passiveBefore(String text, int from, int ws) {
    String left = text.substring(Math.max(from, ws - 4), ws).toLowerCase(Locale.ROOT);
    return left.endsWith("be ");
  }

  /** "were planning to": a plan still ahead, unlike "was expected to". */
  private static boolean progressive(String text, int ws, int we) {
    return text.startsWith("ing", we - 3);
  }

  /** "had been due", "was expected": the plan lies in the past. */
  private static boolean pastAuxiliaryBefore(String text, int from, int ws) {
    String left = text.substring(Math.max(from, ws - 12), ws).toLowerCase(Locale.ROOT);
    return left.matches("(?s).*\\b(?:had|was|were|been)\\s+$");
  }

  private static Tense classify(String text, int ws, int we) {
    String w = text.substring(ws, we).toLowerCase(Locale.ROOT);
    if (w.equals("is") || w.equals("are")) {
      String rest = text.substring(we, Math.min(text.length(), we + 8)).toLowerCase(Locale.ROOT);
      return rest.startsWith(" to ") || rest.startsWith(" due") ? FUTURE : UNKNOWN;
    }
    if (w.equals("meet")) {
      // "they meet Monday" plans; "for Sun to meet demand" does not.
      return text.startsWith("to ", Math.max(0, ws - 3)) ? UNKNOWN : FUTURE;
    }
    if (w.equals("next")) {
      // "next to the embassy" is a place.
      String rest = text.substring(we, Math.min(text.length(), we + 4)).toLowerCase(Locale.ROOT);
      return rest.startsWith(" to") ? UNKNOWN : FUTURE;
    }
    if (w.equals("set") || w.equals("going")) {
      String rest = text.substring(we, Math.min(text.length(), we + 4)).toLowerCase(Locale.ROOT);
      return rest.startsWith(" to") ? FUTURE : UNKNOWN;
    }
    if (FUTURE_WORDS.contains(w)) {
      return FUTURE;
    }
    if (PAST_WORDS.contains(w)) {
      return PAST;
    }
    if (w.length() > 4 && w.endsWith("ed")) {
      // "on a still unspecified date", "the revised plan": an adjective, not a verb.
      return adjectiveAfterDeterminer(text, ws) ? UNKNOWN : PAST;
    }
    return UNKNOWN;
  }

  private static boolean adjectiveAfterDeterminer(String text, int ws) {
    String left = text.substring(Math.max(0, ws - 16), ws).toLowerCase(Locale.ROOT);
    return left.matches("(?s).*\\b(?:a|an|the|its|their|his|her)\\s+(?:still\\s+|newly\\s+)?$");
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '\'';
  }

  static int sentenceStart(String text, int pos) {
    int limit = Math.max(0, pos - WINDOW);
    for (int i = pos - 1; i > limit; i--) {
      char c = text.charAt(i);
      if (c == '\n' && i > 0 && text.charAt(i - 1) == '\n') {
        return i + 1;
      }
      if ((c == '.' || c == '!' || c == '?')
          && i + 1 < pos
          && Character.isWhitespace(text.charAt(i + 1))
          && !abbreviationBefore(text, i)) {
        return i + 1;
      }
    }
    return limit;
  }

  static int sentenceEnd(String text, int pos) {
    int limit = Math.min(text.length(), pos + WINDOW);
    for (int i = pos; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        return i;
      }
      if ((c == '.' || c == '!' || c == '?')
          && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))
          && !abbreviationBefore(text, i)) {
        return i;
      }
    }
    return limit;
  }

  /** A full stop after "Nov", "Mr", "U.S" or a single letter does not end a sentence. */
  private static boolean abbreviationBefore(String text, int dot) {
    if (text.charAt(dot) != '.') {
      return false;
    }
    int s = dot;
    while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
      s--;
    }
    int len = dot - s;
    if (len == 0) {
      return false;
    }
    if (len <= 4 && Character.isUpperCase(text.charAt(s))) {
      return true;
    }
    String w = text.substring(s, dot).toLowerCase(Locale.ROOT);
    return w.indexOf('.') >= 0 || w.equals("a.m") || w.equals("p.m");
  }
}
