package io.wirestream.enrich.topology;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The largest record enrich may hand to its producer. The producer refuses a record whose size
 * exceeds {@code max.request.size} before compression; under exactly-once that refusal aborts the
 * whole transaction, so the same input would fail again on every retry. Checking the size before
 * forwarding turns such a record into a dead letter instead.
 *
 * @param maxRequestBytes the producer's {@code max.request.size}
 */
public record SendLimit(int maxRequestBytes) {

  /**
   * Room left for the record batch framing and per-record overhead, which the producer counts but a
   * key-value-headers sum does not.
   */
  static final int OVERHEAD_BYTES = 16 * 1024;

  /** The producer's default, 1 MiB. */
  public static final SendLimit DEFAULT = new SendLimit(1024 * 1024);

  public SendLimit {
    if (maxRequestBytes <= OVERHEAD_BYTES) {
      throw new IllegalArgumentException(
          "max.request.size must exceed " + OVERHEAD_BYTES + " bytes: " + maxRequestBytes);
    }
  }

  /** The limit the Streams producer will use with these properties. */
  public static SendLimit of(Properties streamsProperties) {
    Object value =
        streamsProperties.getOrDefault(
            StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
            streamsProperties.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    return value == null ? DEFAULT : new SendLimit(Integer.parseInt(value.toString().trim()));
  }

  /** Bytes a record may take counting key, value and headers. */
  public int usableBytes() {
    return maxRequestBytes - OVERHEAD_BYTES;
  }

  public boolean fits(long bytes) {
    return bytes <= usableBytes();
  }

  static long size(byte[] key, byte[] value, Headers headers) {
    long size = (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
    return size + headerBytes(headers);
  }

  static long headerBytes(Headers headers) {
    long size = 0;
    for (Header header : headers) {
      size += header.key().length() * 3L + (header.value() == null ? 0 : header.value().length);
    }
    return size;
  }
}
