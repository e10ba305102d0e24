package io.wirestream.bench.faults;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the UTF-16 code units of a text. Hashing code units rather than UTF-8 bytes keeps a
 * lone surrogate distinct from the {@code ?} an encoder would silently put in its place, so a text
 * that was altered that way does not pass as verbatim.
 */
public final class TextHash {

  /** Stands for a field that is absent (SQL NULL), which is not the same as an empty text. */
  public static final String ABSENT = "absent";

  private final MessageDigest digest;

  public TextHash() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  public TextHash update(char c) {
    digest.update((byte) (c >>> 8));
    digest.update((byte) c);
    return this;
  }

  public TextHash update(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      update(text.charAt(i));
    }
    return this;
  }

  public String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The hash of {@code text}, or {@link #ABSENT} for null. */
  public static String of(String text) {
    return text == null ? ABSENT : new TextHash().update(text).hex();
  }

  /**
   * The body as the ingest documents storing it: ends trimmed, line breaks unified; the inside is
   * kept as written.
   */
  public static String normaliseBody(String body) {
    return body.replace("\r\n", "\n").replace('\r', '\n').strip();
  }
}
