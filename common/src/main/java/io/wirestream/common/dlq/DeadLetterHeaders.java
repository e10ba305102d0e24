package io.wirestream.common.dlq;

/**
 * Header names on {@code news.dlq} records. The value of a dead letter is the original record's
 * value byte for byte; these headers say where it came from and why it was rejected. A letter that
 * would be larger than Kafka accepts goes without its value (and without the original headers), and
 * {@link #VALUE_OMITTED} says so; its source topic, partition and offset still find the original.
 */
public final class DeadLetterHeaders {

  public static final String REASON = "wirestream.dlq.reason";
  public static final String EXCEPTION = "wirestream.dlq.exception";
  public static final String STAGE = "wirestream.dlq.stage";
  public static final String SOURCE_TOPIC = "wirestream.dlq.source.topic";
  public static final String SOURCE_PARTITION = "wirestream.dlq.source.partition";
  public static final String SOURCE_OFFSET = "wirestream.dlq.source.offset";

  /** Input file (or feed URL) of a dead letter from ingest, which has no source offset. */
  public static final String SOURCE_FILE = "wirestream.dlq.source.file";

  /** 1-based line (or {@code item N}) within {@link #SOURCE_FILE}. */
  public static final String SOURCE_LINE = "wirestream.dlq.source.line";

  /** The application (Kafka Streams application id) that rejected the record. */
  public static final String APPLICATION_ID = "wirestream.dlq.application.id";

  /**
   * The enrichment version of the application that rejected the record; tells a replay's letters
   * from those of the run it replays.
   */
  public static final String ENRICHMENT_VERSION = "wirestream.dlq.enrichment.version";

  /** Present when the value was left out; says why and how large the original value was. */
  public static final String VALUE_OMITTED = "wirestream.dlq.value.omitted";

  private DeadLetterHeaders() {}
}
