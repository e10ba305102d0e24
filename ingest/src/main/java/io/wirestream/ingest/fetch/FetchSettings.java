package io.wirestream.ingest.fetch;

import io.wirestream.common.config.WirestreamConfig;
import java.time.Duration;

/**
 * The limits and manners of fetching, read once from the {@code ingest.fetch.*} settings.
 *
 * @param userAgent the User-Agent sent, {@code {version}} already replaced
 */
public record FetchSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    int maxBytes,
    int maxDecodedBytes,
    int maxRedirects,
    boolean allowPrivate,
    boolean allowFile,
    String userAgent,
    Duration hostDelay,
    int hostConcurrency,
    Duration robotsTtl) {

  /** The product token robots.txt groups are matched on. */
  public static final String ROBOT_NAME = "wirestream";

  public static FetchSettings from(WirestreamConfig config, String version) {
    return new FetchSettings(
        millis(config, WirestreamConfig.INGEST_FETCH_CONNECT_TIMEOUT_MS),
        millis(config, WirestreamConfig.INGEST_FETCH_READ_TIMEOUT_MS),
        millis(config, WirestreamConfig.INGEST_FETCH_TOTAL_TIMEOUT_MS),
        config.getInt(WirestreamConfig.INGEST_FETCH_MAX_BYTES),
        config.getInt(WirestreamConfig.INGEST_FETCH_MAX_DECODED_BYTES),
        config.getInt(WirestreamConfig.INGEST_FETCH_MAX_REDIRECTS),
        config.getBoolean(WirestreamConfig.INGEST_FETCH_ALLOW_PRIVATE),
        config.getBoolean(WirestreamConfig.INGEST_FETCH_ALLOW_FILE),
        config.getString(WirestreamConfig.INGEST_FETCH_USER_AGENT).replace("{version}", version),
        millis(config, WirestreamConfig.INGEST_FETCH_HOST_DELAY_MS),
        config.getInt(WirestreamConfig.INGEST_FETCH_HOST_CONCURRENCY),
        millis(config, WirestreamConfig.INGEST_FETCH_ROBOTS_TTL_MS));
  }

  public FetchSettings withAllowPrivate(boolean allow) {
    return new FetchSettings(
        connectTimeout,
        readTimeout,
        totalTimeout,
        maxBytes,
        maxDecodedBytes,
        maxRedirects,
        allow,
        allowFile,
        userAgent,
        hostDelay,
        hostConcurrency,
        robotsTtl);
  }

  public FetchSettings withHostDelay(Duration delay) {
    return new FetchSettings(
        connectTimeout,
        readTimeout,
        totalTimeout,
        maxBytes,
        maxDecodedBytes,
        maxRedirects,
        allowPrivate,
        allowFile,
        userAgent,
        delay,
        hostConcurrency,
        robotsTtl);
  }

  private static Duration millis(WirestreamConfig config, String key) {
    return Duration.ofMillis(config.getLong(key));
  }
}
