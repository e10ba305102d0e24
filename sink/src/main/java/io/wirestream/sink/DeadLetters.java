package io.wirestream.sink;

import io.wirestream.common.dlq.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends records the sink cannot store to the dead-letter topic: the original key, value and
 * headers, plus headers saying where the record came from and why it was rejected.
 */
final class DeadLetters implements AutoCloseable {

  static final String STAGE = "sink";

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final List<Future<RecordMetadata>> pending = new ArrayList<>();

  DeadLetters(Producer<String, byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  void send(ConsumerRecord<String, byte[]> record, String reason, Throwable error) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    put(headers, DeadLetterHeaders.REASON, reason);
    put(headers, DeadLetterHeaders.EXCEPTION, error == null ? "" : error.getClass().getName());
    put(headers, DeadLetterHeaders.STAGE, STAGE);
    put(headers, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
    put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
    put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
    pending.add(
        producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)));
  }

  /**
   * Waits until every letter sent since the last call is acknowledged; only then may the source
   * offsets be committed, or a crash would lose the letters.
   *
   * @throws KafkaException if any letter could not be written
   */
  void flush() {
    try {
      producer.flush();
      for (Future<RecordMetadata> letter : pending) {
        letter.get();
      }
    } catch (ExecutionException e) {
      throw new KafkaException("cannot write to dead-letter topic " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing to dead-letter topic " + topic, e);
    } finally {
      pending.clear();
    }
  }

  /** Every letter was flushed before its batch was committed, so there is nothing to wait for. */
  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
