package io.wirestream.enrich.topology;

import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.dlq.DeadLetterStamp;
import io.wirestream.common.dlq.Stage;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds dead letters that the producer will accept: the raw value and headers of the input with
 * the reason headers on top, or, when that would be too large, the reason headers alone with {@link
 * DeadLetterHeaders#VALUE_OMITTED} saying what was left out.
 */
final class Letters {

  /** Where a record is in its source topic. */
  record Source(String topic, int partition, long offset) {}

  /**
   * Which application and enrichment version rejected a record, so that a replay's letters can be
   * told from those of the run it replays; a negative version is unknown and left out.
   */
  record Origin(String applicationId, int version) {}

  /** The value and headers of a dead letter. */
  record Letter(byte[] value, Headers headers) {}

  private Letters() {}

  static Letter build(
      byte[] key,
      byte[] value,
      Headers original,
      Source source,
      Stage stage,
      String reason,
      String exception,
      SendLimit limit,
      boolean omitValue,
      Origin origin) {
    Headers reasons = reasonHeaders(source, stage, reason, exception);
    put(reasons, DeadLetterHeaders.APPLICATION_ID, origin.applicationId());
    if (origin.version() >= 0) {
      put(reasons, DeadLetterHeaders.ENRICHMENT_VERSION, Integer.toString(origin.version()));
    }
    Headers full = new RecordHeaders(original.toArray());
    for (Header header : reasons) {
      full.remove(header.key());
      full.add(header);
    }
    if (!omitValue && limit.fits(SendLimit.size(key, value, full))) {
      return new Letter(value, full);
    }
    int length = value == null ? 0 : value.length;
    String why =
        (omitValue ? "refused by the producer" : "too large")
            + ": original value of "
            + length
            + " bytes left out (limit "
            + limit.usableBytes()
            + ")";
    put(reasons, DeadLetterHeaders.VALUE_OMITTED, why);
    return new Letter(null, reasons);
  }

  private static Headers reasonHeaders(
      Source source, Stage stage, String reason, String exception) {
    return DeadLetterStamp.reasons(
        stage,
        reason,
        exception,
        source == null
            ? null
            : new DeadLetterStamp.Offset(source.topic(), source.partition(), source.offset()));
  }

  static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    DeadLetterStamp.put(headers, name, value == null ? "" : value);
  }
}
