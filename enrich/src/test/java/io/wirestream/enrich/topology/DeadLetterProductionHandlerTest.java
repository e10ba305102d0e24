package io.wirestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterProductionHandlerTest {

  private final FailedSends failedSends = new FailedSends();
  private final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();

  {
    handler.configure(
        Map.of(
            DeadLetterProductionHandler.FAILED_SENDS_CONFIG,
            failedSends,
            DeadLetterProductionHandler.DEAD_LETTER_TOPIC_CONFIG,
            "news.dlq"));
  }

  @Test
  void shouldRememberTheInputOfARefusedSendByItsKeyNotTheOffsetTheTaskIsAtAndGoOn() {
    var response =
        handler.handleError(
            context("news.raw", 1, 43),
            new ProducerRecord<>("news.enriched", utf8("article-42"), new byte[2_000_000]),
            new RecordTooLargeException("The message is 2000000 bytes"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(failedSends.take("news.raw", 1, "article-43")).isEmpty();
    assertThat(failedSends.take("news.raw", 1, "article-42"))
        .hasValueSatisfying(
            failure -> {
              assertThat(failure.reason())
                  .isEqualTo("produce: cannot send to news.enriched: The message is 2000000 bytes");
              assertThat(failure.letterRefused()).isFalse();
            });
    assertThat(failedSends.remembered()).isEqualTo(1);
  }

  @Test
  void shouldLeaveRetriableErrorsToKafkaStreams() {
    var response =
        handler.handleError(
            context("news.raw", 0, 1),
            new ProducerRecord<>("news.enriched", new byte[1], new byte[1]),
            new TimeoutException("broker away"));

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(failedSends.remembered()).isZero();
  }

  @Test
  void shouldMarkARefusedDeadLetterSoThatTheNextOneGoesWithoutItsValue() {
    handler.handleError(
        context("news.raw", 0, 7),
        new ProducerRecord<>("news.dlq", utf8("a"), new byte[2_000_000]),
        new RecordTooLargeException("too large"));

    assertThat(failedSends.take("news.raw", 0, "a"))
        .hasValueSatisfying(failure -> assertThat(failure.letterRefused()).isTrue());
    assertThat(failedSends.take("news.raw", 0, "a"))
        .as("taken once, so a later revision is enriched")
        .isEmpty();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static ErrorHandlerContext context(String topic, int partition, long offset) {
    return new ErrorHandlerContext() {
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

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return EnrichTopology.ENRICHED_SINK;
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, partition);
      }

      @Override
      public long timestamp() {
        return 0;
      }

      @Override
      public byte[] sourceRawKey() {
        return new byte[1];
      }

      @Override
      public byte[] sourceRawValue() {
        return new byte[1];
      }
    };
  }
}
