package io.wirestream.sink;

import static io.wirestream.sink.Records.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.dlq.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
  private final DeadLetters letters = new DeadLetters(producer, "news.dlq");

  @Test
  void shouldResendALetterRefusedAsTooLargeWithoutItsValueAndSaySo() {
    letters.send(text(2, 7, "big", "x".repeat(5000)), "store: too big", null);
    producer.errorNext(new RecordTooLargeException("the message is 1200000 bytes"));

    letters.flush();

    assertThat(producer.history()).hasSize(2);
    ProducerRecord<String, byte[]> resent = producer.history().get(1);
    assertThat(resent.key()).isEqualTo("big");
    assertThat(resent.value()).isNull();
    assertThat(header(resent, DeadLetterHeaders.VALUE_OMITTED))
        .startsWith("too large: original value of 5000 bytes")
        .contains("RecordTooLargeException");
    assertThat(header(resent, DeadLetterHeaders.REASON)).isEqualTo("store: too big");
    assertThat(header(resent, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("2");
    assertThat(header(resent, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("7");
  }

  @Test
  void shouldCallABrokerTimeoutRetriable() {
    letters.send(text(0, 1, "k", "v"), "reason", null);
    producer.errorNext(new TimeoutException("broker gone"));

    assertThatThrownBy(letters::flush)
        .isInstanceOfSatisfying(DeadLetterException.class, e -> assertThat(e.retriable()).isTrue());
  }

  @Test
  void shouldCallAMissingPermissionPermanent() {
    letters.send(text(0, 1, "k", "v"), "reason", null);
    producer.errorNext(new TopicAuthorizationException("not allowed"));

    assertThatThrownBy(letters::flush)
        .isInstanceOfSatisfying(DeadLetterException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("not allowed");
  }

  @Test
  void shouldBoundTheReasonHeader() {
    letters.send(text(0, 1, "k", "v"), "store: " + "body text ".repeat(100_000), null);
    producer.completeNext();

    letters.flush();

    assertThat(header(producer.history().get(0), DeadLetterHeaders.REASON)).hasSizeLessThan(700);
  }

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
