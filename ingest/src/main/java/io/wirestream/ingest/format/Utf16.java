package io.wirestream.ingest.format;

import java.util.OptionalInt;

/**
 * Finds text that JSON can spell but Unicode cannot hold: a {@code \ud800} escape without its
 * partner decodes to a lone surrogate, which no UTF-8 encoder can write, so it would be stored as
 * {@code ?}. Such text is rejected at the door rather than stored altered.
 */
final class Utf16 {

  private Utf16() {}

  /** The index of the first unpaired surrogate in {@code text}, if any. */
  static OptionalInt firstUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return OptionalInt.of(i);
      }
      if (Character.isLowSurrogate(c)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }
}
