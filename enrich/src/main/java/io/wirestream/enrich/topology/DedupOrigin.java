package io.wirestream.enrich.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where a raw record held for duplicate detection came from, carried in a header from the verdict
 * processor to the enrich processor and taken off there, so that a dead letter and a replay's end
 * offsets still speak of the raw record rather than of the verdict topic.
 */
final class DedupOrigin {

  static final String HEADER = "wirestream.dedup.origin";

  private DedupOrigin() {}

  static byte[] encode(String topic, int partition, long offset) {
    return (partition + ":" + offset + ":" + topic).getBytes(StandardCharsets.UTF_8);
  }

  /** The origin the headers carry, removed from them; empty if they carry none. */
  static Optional<RecordMetadata> take(Headers headers) {
    Header header = headers.lastHeader(HEADER);
    if (header == null) {
      return Optional.empty();
    }
    headers.remove(HEADER);
    String[] parts = new String(header.value(), StandardCharsets.UTF_8).split(":", 3);
    int partition = Integer.parseInt(parts[0]);
    long offset = Long.parseLong(parts[1]);
    String topic = parts[2];
    return Optional.of(
        new RecordMetadata() {
          @Override
          public String topic() {
            return topic;
          }

          @Override
          public int partition() {
            return partition;
          }

          @Override
          public long offset() {
            return offset;
          }
        });
  }
}
