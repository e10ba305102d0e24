package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.model.Article;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

  private MockProducer<String, byte[]> producer = TestPublishers.manual();
  private final IngestStats stats = new IngestStats();
  private final List<Delivery> completed = new ArrayList<>();
  private ArticlePublisher publisher = TestPublishers.over(producer, stats, CLOCK);

  @AfterEach
  void close() {
    publisher.close();
  }

  private static Article article(String id, String body) {
    return new Article(id, "files", null, null, body, "2017-04-12", null, null);
  }

  private Delivery delivery() {
    return publisher.open("in/a.jsonl", completed::add);
  }

  private void awaitSends(int count) throws InterruptedException {
    Eventually.until(count + " sends", () -> producer.history().size() >= count);
  }

  @Test
  void shouldCompleteADeliveryOnlyOnceItIsSealedAndEveryRecordIsAcknowledged() throws Exception {
    Delivery delivery = delivery();
    publisher.publish(delivery, article("a", "One."), "in/a.jsonl:1");
    publisher.publish(delivery, article("b", "Two."), "in/a.jsonl:2");
    delivery.seal();

    assertThat(delivery.isComplete()).isFalse();
    producer.completeNext();
    assertThat(delivery.isComplete()).isFalse();
    assertThat(publisher.awaitIdle(Duration.ofMillis(20))).isFalse();
    producer.completeNext();

    assertThat(delivery.succeeded()).isTrue();
    assertThat(completed).containsExactly(delivery);
    assertThat(publisher.awaitIdle(Duration.ZERO)).isTrue();
    assertThat(stats.published()).isEqualTo(2);
  }

  @Test
  void shouldResendARecordThatTimedOutUntilTheBrokerAcknowledgesIt() throws Exception {
    Delivery delivery = delivery();
    publisher.publish(delivery, article("a", "One."), "in/a.jsonl:1");
    delivery.seal();

    producer.errorNext(new TimeoutException("Expiring 1 record(s): 60000 ms has passed"));
    awaitSends(2);
    producer.errorNext(new NotEnoughReplicasException("broker coming back"));
    awaitSends(3);
    assertThat(delivery.isComplete()).isFalse();
    producer.completeNext();

    assertThat(delivery.succeeded()).isTrue();
    assertThat(TestPublishers.raw(producer))
        .hasSize(3)
        .extracting(ProducerRecord::key)
        .containsOnly("a");
    assertThat(stats.retried()).isEqualTo(2);
    assertThat(stats.published()).isEqualTo(1);
    assertThat(stats.failed()).isZero();
  }

  @Test
  void shouldCountARecordAsUndeliveredOnceItsGiveUpTimeHasPassed() throws Exception {
    publisher.close();
    producer = TestPublishers.manual();
    publisher =
        TestPublishers.over(
            producer,
            stats,
            CLOCK,
            new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(2)),
            1 << 20);
    Delivery delivery = delivery();
    publisher.publish(delivery, article("a", "One."), "in/a.jsonl:1");
    delivery.seal();

    producer.errorNext(new TimeoutException("expired"));
    awaitSends(2);
    Thread.sleep(2_100);
    producer.errorNext(new TimeoutException("expired"));

    assertThat(delivery.isComplete()).isTrue();
    assertThat(delivery.succeeded()).isFalse();
    assertThat(delivery.undelivered()).isEqualTo(1);
    assertThat(stats.failed()).isEqualTo(1);
    assertThat(publisher.pending()).isZero();
  }

  @Test
  void shouldDeadLetterARecordTheBrokerRefusesForGoodWithStageFileAndLine() throws Exception {
    Delivery delivery = delivery();
    publisher.publish(delivery, article("a", "One."), "in/a.jsonl:7");
    delivery.seal();

    producer.errorNext(new InvalidTopicException("topic news.raw is not valid"));
    awaitSends(2);
    assertThat(delivery.isComplete()).isFalse();
    producer.completeNext();

    assertThat(delivery.succeeded()).isTrue();
    assertThat(delivery.deadLettered()).isEqualTo(1);
    assertThat(stats.deadLettered()).isEqualTo(1);
    ProducerRecord<String, byte[]> letter =
        TestPublishers.deadLetters(producer).stream().findFirst().orElseThrow();
    assertThat(letter.key()).isEqualTo("a");
    assertThat(letter.value()).isEqualTo(producer.history().get(0).value());
    assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("ingest");
    assertThat(header(letter, DeadLetterHeaders.REASON))
        .startsWith("ingest: InvalidTopicException: topic news.raw is not valid");
    assertThat(header(letter, DeadLetterHeaders.EXCEPTION))
        .isEqualTo(InvalidTopicException.class.getName());
    assertThat(header(letter, DeadLetterHeaders.SOURCE_FILE)).isEqualTo("in/a.jsonl");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_LINE)).isEqualTo("7");
  }

  @Test
  void shouldDeadLetterARecordTooLargeForTheBrokerWithoutItsValue() throws Exception {
    Delivery delivery = delivery();
    publisher.publish(delivery, article("a", "One."), "in/a.jsonl:1");
    delivery.seal();

    producer.errorNext(new RecordTooLargeException("larger than message.max.bytes"));
    awaitSends(2);
    producer.completeNext();

    ProducerRecord<String, byte[]> letter =
        TestPublishers.deadLetters(producer).stream().findFirst().orElseThrow();
    assertThat(letter.value()).isNull();
    assertThat(header(letter, DeadLetterHeaders.REASON)).contains("RecordTooLargeException");
    assertThat(delivery.succeeded()).isTrue();
  }

  @Test
  void shouldCountARecordAsUndeliveredWhenTheDeadLetterTopicRefusesItToo() throws Exception {
    Delivery delivery = delivery();
    publisher.publish(delivery, article("a", "One."), "in/a.jsonl:1");
    delivery.seal();

    producer.errorNext(new InvalidTopicException("no"));
    awaitSends(2);
    producer.errorNext(new InvalidTopicException("no either"));

    assertThat(delivery.isComplete()).isTrue();
    assertThat(delivery.succeeded()).isFalse();
    assertThat(stats.failed()).isEqualTo(1);
  }

  @Test
  void shouldRejectARecordLargerThanTheProducerMaySendWithoutSendingIt() {
    publisher.close();
    producer = TestPublishers.manual();
    publisher = TestPublishers.over(producer, stats, CLOCK, TestPublishers.FAST_RETRY, 1024);
    Delivery delivery = delivery();

    String refused = publisher.publish(delivery, article("a", "x".repeat(2000)), "in/a.jsonl:1");
    delivery.seal();

    assertThat(refused)
        .startsWith("record of ")
        .endsWith("bytes is larger than the producer may send (max.request.size 1024)");
    assertThat(producer.history()).isEmpty();
    assertThat(stats.read()).isZero();
    assertThat(delivery.succeeded()).isTrue();
  }

  @Test
  void shouldKeepIdempotenceAndAllAcksAndLetTheDeliveryTimeoutCoverARequest() {
    var props =
        ArticlePublisher.producerProperties(
            io.wirestream.common.config.WirestreamConfig.load(
                null, java.util.Map.of(), java.util.Map.of("kafka.request.timeout.ms", "90000")));

    assertThat(props.getProperty("acks")).isEqualTo("all");
    assertThat(props.getProperty("enable.idempotence")).isEqualTo("true");
    assertThat(Long.parseLong(props.getProperty("delivery.timeout.ms"))).isEqualTo(90_020);
  }

  @Test
  void shouldHoldBackNewRecordsWhileTooManyBytesAreUnacknowledged() throws Exception {
    String body = "w".repeat(900_000);
    int records = 45;
    Delivery delivery = delivery();
    Thread reader =
        new Thread(
            () -> {
              for (int i = 0; i < records; i++) {
                publisher.publish(delivery, article("a" + i, body), "in/a.jsonl:" + (i + 1));
              }
              delivery.seal();
            });
    reader.start();
    Eventually.until("the bound is reached", () -> reader.getState() == Thread.State.TIMED_WAITING);
    int held = producer.history().size();
    assertThat(held).isLessThan(records);
    assertThat((long) held * 900_000).isLessThanOrEqualTo(ArticlePublisher.MAX_OUTSTANDING_BYTES);

    for (int i = 0; i < records; i++) {
      int acknowledged = i;
      Eventually.until("record " + i + " sent", () -> producer.history().size() > acknowledged);
      producer.completeNext();
    }
    reader.join(10_000);

    assertThat(delivery.succeeded()).isTrue();
    assertThat(stats.published()).isEqualTo(records);
  }

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
