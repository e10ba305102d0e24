package io.wirestream.enrich.nlp;

/**
 * Where the analysis of a body longer than the cap stops: the text before the cut is a prefix of
 * the body, so offsets found in it are offsets into the body.
 */
final class BodyCut {

  /** How far before the cap a paragraph or sentence end is preferred to a plain space. */
  private static final int BOUNDARY_WINDOW = 2_000;

  private BodyCut() {}

  /**
   * The length of the prefix of {@code body} to analyse: all of it if it is at most {@code cap}
   * characters; else the end of the last paragraph or sentence at most {@link #BOUNDARY_WINDOW}
   * before the cap, else the last whitespace before the cap, else the cap itself (one token longer
   * than the window), never between the two halves of a surrogate pair.
   */
  static int at(String body, int cap) {
    if (body.length() <= cap) {
      return body.length();
    }
    int floor = Math.max(0, cap - BOUNDARY_WINDOW);
    for (int i = cap; i > floor; i--) {
      char c = body.charAt(i - 1);
      if (c == '\n' || isSentenceEnd(c) && Character.isWhitespace(body.charAt(i))) {
        return i;
      }
    }
    for (int i = cap; i > floor; i--) {
      if (Character.isWhitespace(body.charAt(i))) {
        return i;
      }
    }
    return Character.isLowSurrogate(body.charAt(cap)) ? cap - 1 : cap;
  }

  private static boolean isSentenceEnd(char c) {
    return c == '.' || c == '!' || c == '?';
  }
}
