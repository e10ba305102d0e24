package io.wirestream.sink;

import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.dlq.DeadLetterStamp;
import io.wirestream.common.dlq.ErrorSummary;
import io.wirestream.common.dlq.Stage;
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
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records the sink cannot store to the dead-letter topic: the original key, value and
 * headers, plus headers saying where the record came from and why it was rejected. A letter the
 * broker or producer refuses as too large is sent once more without the value and the original
 * headers, with {@link DeadLetterHeaders#VALUE_OMITTED} saying so; the source headers still point
 * at the original record.
 */
final class DeadLetters implements AutoCloseable {

  static final String STAGE = Stage.SINK.label();

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final List<Pending> pending = new ArrayList<>();

  private record Pending(
      ConsumerRecord<String, byte[]> record, Headers reasons, Future<RecordMetadata> ack) {}

  DeadLetters(Producer<String, byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  void send(ConsumerRecord<String, byte[]> record, String reason, Throwable error) {
    Headers reasons =
        DeadLetterStamp.reasons(
            Stage.SINK,
            reason,
            error == null ? "" : error.getClass().getName(),
            new DeadLetterStamp.Offset(record.topic(), record.partition(), record.offset()));
    Headers headers = new RecordHeaders(record.headers().toArray());
    reasons.forEach(
        header -> {
          headers.remove(header.key());
          headers.add(header);
        });
    pending.add(new Pending(record, reasons, send(record.key(), record.value(), headers)));
  }

  private Future<RecordMetadata> send(String key, byte[] value, Headers headers) {
    try {
      return producer.send(new ProducerRecord<>(topic, null, key, value, headers));
    } catch (KafkaException e) {
      throw failure("cannot send to dead-letter topic " + topic, e);
    }
  }

  /**
   * Waits until every letter sent since the last call is acknowledged; only then may the source
   * offsets be committed, or a crash would lose the letters.
   *
   * @throws DeadLetterException if any letter could not be written, saying whether retrying may
   *     help
   */
  void flush() {
    try {
      List<Pending> reduced = new ArrayList<>();
      DeadLetterException retriable = null;
      flushProducer();
      for (Pending letter : pending) {
        try {
          await(letter.ack());
        } catch (DeadLetterException e) {
          if (tooLarge(e.getCause())) {
            reduced.add(withoutValue(letter, e.getCause()));
          } else if (e.retriable()) {
            retriable = e;
          } else {
            throw e;
          }
        }
      }
      if (!reduced.isEmpty()) {
        flushProducer();
        for (Pending letter : reduced) {
          await(letter.ack());
        }
      }
      if (retriable != null) {
        throw retriable;
      }
    } finally {
      pending.clear();
    }
  }

  private Pending withoutValue(Pending letter, Throwable refusal) {
    ConsumerRecord<String, byte[]> record = letter.record();
    Headers headers = new RecordHeaders(letter.reasons().toArray());
    int length = record.value() == null ? 0 : record.value().length;
    put(
        headers,
        DeadLetterHeaders.VALUE_OMITTED,
        "too large: original value of "
            + length
            + " bytes and its headers left out ("
            + refusal.getClass().getSimpleName()
            + ")");
    LOG.warn(
        "dead letter for {}-{}@{} refused ({}); sending it without its value",
        record.topic(),
        record.partition(),
        record.offset(),
        ErrorSummary.of(refusal));
    return new Pending(record, headers, send(record.key(), null, headers));
  }

  private void flushProducer() {
    try {
      producer.flush();
    } catch (KafkaException e) {
      throw failure("cannot flush dead letters to " + topic, e);
    }
  }

  private void await(Future<RecordMetadata> ack) {
    try {
      ack.get();
    } catch (ExecutionException e) {
      throw failure("cannot write to dead-letter topic " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadLetterException(
          "interrupted while writing to dead-letter topic " + topic, true, e);
    }
  }

  private static DeadLetterException failure(String message, Throwable cause) {
    return new DeadLetterException(
        ErrorSummary.of(message, cause), cause instanceof RetriableException, cause);
  }

  static boolean tooLarge(Throwable error) {
    return error instanceof RecordTooLargeException
        || error instanceof RecordBatchTooLargeException
        || error instanceof InvalidRecordException;
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
