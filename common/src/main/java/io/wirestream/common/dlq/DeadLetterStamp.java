package io.wirestream.common.dlq;

import io.wirestream.common.config.Secrets;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one place that writes why and where from on a dead letter, for every stage, so that the
 * headers a consumer of {@code news.dlq} reads mean the same whoever wrote them.
 */
public final class DeadLetterStamp {

  /** Where a refused record came from. */
  public sealed interface Source permits Offset, Input {}

  /** A record read from a topic (enrich, sink). */
  public record Offset(String topic, int partition, long offset) implements Source {}

  /**
   * A record that never reached its topic (ingest): the topic it was meant for, and the input file
   * (or feed URL) and line (or {@code item N}) it was read from.
   */
  public record Input(String topic, String file, String line) implements Source {}

  private DeadLetterStamp() {}

  /**
   * The reason headers: stage, reason (bounded, see {@link ErrorSummary#bound}), exception class
   * and source. Callers add them over the original record's headers.
   *
   * @param exceptionClass the class name of the error, or empty
   * @param source where the record came from; null when unknown
   */
  public static Headers reasons(Stage stage, String reason, String exceptionClass, Source source) {
    Headers headers = new RecordHeaders();
    put(headers, DeadLetterHeaders.REASON, ErrorSummary.bound(reason));
    put(headers, DeadLetterHeaders.EXCEPTION, exceptionClass == null ? "" : exceptionClass);
    put(headers, DeadLetterHeaders.STAGE, stage.label());
    if (source instanceof Offset offset) {
      put(headers, DeadLetterHeaders.SOURCE_TOPIC, offset.topic());
      put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(offset.partition()));
      put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(offset.offset()));
    } else if (source instanceof Input input) {
      put(headers, DeadLetterHeaders.SOURCE_TOPIC, input.topic());
      // A feed URL may carry an access token in its query.
      put(headers, DeadLetterHeaders.SOURCE_FILE, Secrets.mask(input.file()));
      put(headers, DeadLetterHeaders.SOURCE_LINE, input.line());
    }
    return headers;
  }

  /** Sets {@code name} to {@code value}, replacing any earlier value. */
  public static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
