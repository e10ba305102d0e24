package io.wirestream.ingest.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex SHA-256 of files, bodies and items, as the state keeps them. */
public final class ContentHash {

  private ContentHash() {}

  public static String of(Path file) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The hash of the first {@code length} bytes of a file, if they end with a line break (so they
   * are whole lines); null if they do not or the file is shorter.
   */
  public static String ofLeadingLines(Path file, long length) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[1 << 16];
    long left = length;
    byte last = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n == -1) {
          return null;
        }
        digest.update(buffer, 0, n);
        last = buffer[n - 1];
        left -= n;
      }
    }
    return length > 0 && last == '\n' ? HexFormat.of().formatHex(digest.digest()) : null;
  }

  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /**
   * The hash of several strings, each ended by a zero byte (so "ab","c" differs from "a","bc"); a
   * null is a 0xFF byte, which UTF-8 never holds, so it differs from "".
   */
  public static String ofParts(String... parts) {
    MessageDigest digest = sha256();
    for (String part : parts) {
      if (part == null) {
        digest.update((byte) 0xFF);
      } else {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
      }
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
