package io.wirestream.enrich.topology;

import io.wirestream.common.dlq.ErrorSummary;
import io.wirestream.common.dlq.Stage;
import io.wirestream.enrich.topology.FailedSends.Failure;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one record the producer refuses for good from failing its task: the refusal is remembered
 * against the input record that caused it ({@link FailedSends}) and a dead letter for that input
 * goes to the dead-letter topic instead. Under exactly-once the refusal also aborts the open
 * transaction; the task then reprocesses the input, and the processor, finding it in {@link
 * FailedSends}, dead-letters it without producing the refused output again. Any other error is left
 * to Kafka Streams (retriable errors are retried, the rest fail).
 *
 * <p>Configured by Kafka Streams through {@code default.production.exception.handler}; its
 * collaborators arrive as objects in the Streams configuration under the keys below.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

  public static final String FAILED_SENDS_CONFIG = "wirestream.enrich.failed.sends";
  public static final String DEAD_LETTER_TOPIC_CONFIG = "wirestream.enrich.dead.letter.topic";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

  private FailedSends failedSends;
  private String deadLetterTopic;

  @Override
  public void configure(Map<String, ?> configs) {
    failedSends = (FailedSends) require(configs, FAILED_SENDS_CONFIG);
    deadLetterTopic = require(configs, DEAD_LETTER_TOPIC_CONFIG).toString();
  }

  private static Object require(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      throw new IllegalStateException(key + " is not configured");
    }
    return value;
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (!permanent(exception)) {
      return Response.fail();
    }
    if (deadLetterTopic.equals(record.topic()) && record.value() == null) {
      // A letter already reduced to its reason headers was refused: nothing smaller to send.
      LOG.error("cannot send a dead letter to {}: {}", record.topic(), ErrorSummary.of(exception));
      return Response.fail();
    }
    return deadLetter(context, record.topic(), record.key(), exception, Stage.PRODUCE);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    Object key = record.key();
    byte[] keyBytes =
        key instanceof byte[] bytes
            ? bytes
            : key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
    return deadLetter(context, record.topic(), keyBytes, exception, Stage.SERIALIZE);
  }

  private Response deadLetter(
      ErrorHandlerContext context, String topic, byte[] key, Exception exception, Stage stage) {
    if (context.topic() == null || context.partition() < 0 || key == null) {
      // Not caused by an input record (a punctuation, say), or one that cannot be told apart
      // from the others of its partition: nothing to dead-letter.
      LOG.error("cannot send to {}: {}", topic, ErrorSummary.of(exception));
      return Response.fail();
    }
    // Every output keeps its input's key (the article id), and a task reads one partition.
    String recordKey = new String(key, StandardCharsets.UTF_8);
    boolean letterRefused = deadLetterTopic.equals(topic);
    String reason = ErrorSummary.of(stage.label() + ": cannot send to " + topic, exception);
    failedSends.remember(
        context.topic(),
        context.partition(),
        recordKey,
        new Failure(reason, exception.getClass().getName(), letterRefused));
    LOG.warn(
        "output of {}-{} key {} refused; the transaction is aborted and the record dead-lettered{}"
            + " when processed again: {}",
        context.topic(),
        context.partition(),
        ErrorSummary.bound(recordKey),
        letterRefused ? " without its value" : "",
        reason);
    // No letter is sent from here: under exactly-once the refusal has already doomed the open
    // transaction, so a letter sent now would be aborted with it; and this runs on the producer's
    // I/O thread, where a send that must first fetch the topic's metadata blocks that very thread.
    // The letter is written when the task processes the input again.
    return Response.resume();
  }

  /** Refusals that sending the same record again cannot overcome. */
  static boolean permanent(Exception exception) {
    return exception instanceof RecordTooLargeException
        || exception instanceof RecordBatchTooLargeException
        || exception instanceof InvalidRecordException
        || exception instanceof SerializationException;
  }
}
