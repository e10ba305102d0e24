package io.wirestream.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes {@code Content-Encoding: gzip} or {@code deflate} with a cap on the decoded size, so that
 * a few kilobytes that inflate to gigabytes (a compression bomb) stop at the cap.
 */
final class ContentDecoding {

  private ContentDecoding() {}

  /**
   * @throws FetchException TOO_LARGE past the cap, ENCODING for an unknown coding or a corrupt
   *     stream
   */
  static byte[] decode(byte[] body, String contentEncoding, int maxDecodedBytes)
      throws FetchException {
    String coding =
        contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    try {
      return switch (coding) {
        case "", "identity" -> capped(body, maxDecodedBytes);
        case "gzip", "x-gzip" ->
            readCapped(new GZIPInputStream(new ByteArrayInputStream(body)), maxDecodedBytes);
        case "deflate" -> readCapped(inflating(body), maxDecodedBytes);
        default ->
            throw new FetchException(
                FetchException.Reason.ENCODING, "unsupported Content-Encoding " + coding);
      };
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      throw new FetchException(
          FetchException.Reason.ENCODING,
          "corrupt " + coding + " body: " + e.getMessage(),
          null,
          e);
    }
  }

  /**
   * "deflate" is meant to be zlib-wrapped (RFC 9110), but some servers send raw deflate; a zlib
   * stream starts with a header whose first byte is 0x?8 and whose first two bytes are a multiple
   * of 31.
   */
  private static InputStream inflating(byte[] body) {
    boolean zlib =
        body.length >= 2
            && (body[0] & 0x0f) == 8
            && (((body[0] & 0xff) << 8) | (body[1] & 0xff)) % 31 == 0;
    return new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib));
  }

  private static byte[] capped(byte[] body, int max) throws FetchException {
    if (body.length > max) {
      throw tooLarge(max);
    }
    return body;
  }

  private static byte[] readCapped(InputStream in, int max) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > max) {
          throw tooLarge(max);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static FetchException tooLarge(int max) {
    return new FetchException(
        FetchException.Reason.TOO_LARGE, "body larger than " + max + " bytes once decompressed");
  }
}
