package io.wirestream.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One sentence of the analysed body: {@code [start, end)} in UTF-16 offsets, as for entities, with
 * its tokens as {@code [start, end)} pairs when they were asked for ({@code enrich.tokens}).
 */
public record Sentence(
    int start, int end, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<int[]> tokens) {

  public Sentence {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad sentence span [" + start + "," + end + ")");
    }
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
    for (int[] token : tokens) {
      if (token.length != 2 || token[0] < start || token[1] <= token[0] || token[1] > end) {
        throw new IllegalArgumentException(
            "bad token span in sentence [" + start + "," + end + ")");
      }
    }
  }

  /** A sentence without its tokens. */
  public Sentence(int start, int end) {
    this(start, end, null);
  }

  /** The same sentence without its tokens. */
  public Sentence withoutTokens() {
    return tokens.isEmpty() ? this : new Sentence(start, end);
  }
}
