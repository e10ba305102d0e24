package io.wirestream.common.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids: the same article ingested twice gets the same id, and so the same Kafka key
 * and the same database row.
 *
 * <p>Where the source names its own id (a JSON {@code id}, a feed's GUID or link) that id, scoped
 * by source, is hashed; otherwise the content that defines the article (publication date and body)
 * is. Hashing keeps ids short, URL-safe and uniform for partitioning.
 */
public final class ArticleIds {

  private ArticleIds() {}

  public static String fromSourceId(String source, String sourceId) {
    return hash("id\u0000" + source + "\u0000" + sourceId);
  }

  public static String fromContent(String published, String body) {
    return hash("content\u0000" + published.trim() + "\u0000" + body.strip());
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
