package io.wirestream.common.model;

/** One sentence of the analysed body: {@code [start, end)} in UTF-16 offsets, as for entities. */
public record Sentence(int start, int end) {

  public Sentence {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad sentence span [" + start + "," + end + ")");
    }
  }
}
