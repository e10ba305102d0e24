package io.wirestream.common.dlq;

/**
 * Header names on {@code news.dlq} records. The value of a dead letter is the original record's
 * value byte for byte; these headers say where it came from and why it was rejected.
 */
public final class DeadLetterHeaders {

  public static final String REASON = "wirestream.dlq.reason";
  public static final String EXCEPTION = "wirestream.dlq.exception";
  public static final String STAGE = "wirestream.dlq.stage";
  public static final String SOURCE_TOPIC = "wirestream.dlq.source.topic";
  public static final String SOURCE_PARTITION = "wirestream.dlq.source.partition";
  public static final String SOURCE_OFFSET = "wirestream.dlq.source.offset";

  private DeadLetterHeaders() {}
}
