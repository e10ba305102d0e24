package io.wirestream.common.model;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers every record on {@code news.enriched} carries, so a consumer can tell which schema a
 * value follows and which enrichment made it without parsing the value. Values are UTF-8 decimal
 * text, readable with a console consumer.
 */
public final class RecordHeaders {

  /** The version of docs/schemas the value follows; also the folder under docs/schemas/history. */
  public static final String SCHEMA_VERSION = "wirestream.schema.version";

  /** {@code enrichment.version} of the value, repeated so a consumer can filter before parsing. */
  public static final String ENRICHMENT_VERSION = "wirestream.enrichment.version";

  /**
   * The schema version this build writes. Raise it with every change to docs/schemas and keep the
   * released files under docs/schemas/history/&lt;version&gt;; only backward-compatible changes for
   * consumers are allowed (a test checks).
   */
  public static final int CURRENT_SCHEMA_VERSION = 1;

  private RecordHeaders() {}

  /**
   * A copy of {@code headers} with both headers set (replacing any carried over from the input
   * record), for forwarding an enriched record.
   */
  public static Headers enriched(Headers headers, int enrichmentVersion) {
    Headers copy = new org.apache.kafka.common.header.internals.RecordHeaders(headers.toArray());
    copy.remove(SCHEMA_VERSION).remove(ENRICHMENT_VERSION);
    copy.add(SCHEMA_VERSION, utf8(CURRENT_SCHEMA_VERSION));
    copy.add(ENRICHMENT_VERSION, utf8(enrichmentVersion));
    return copy;
  }

  /** The integer value of a header, or empty when it is absent or not a number. */
  public static Optional<Integer> intValue(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static byte[] utf8(int value) {
    return Integer.toString(value).getBytes(StandardCharsets.UTF_8);
  }
}
