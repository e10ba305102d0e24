package io.wirestream.common.model;

import io.wirestream.common.url.UrlNormalizer;
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

  /**
   * The id of a web article: its source and its {@linkplain UrlNormalizer normalised} URL (the
   * page's canonical URL when it names one), so that tracking links, host-case variants and
   * fragments of one story get one id.
   *
   * @throws IllegalArgumentException if {@code url} is not an absolute http or https URL
   */
  public static String fromUrl(String source, String url) {
    return hash("url\u0000" + source + "\u0000" + UrlNormalizer.normalize(url));
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
