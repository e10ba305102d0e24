package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.model.Article;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once publisher over a mock producer: what a transaction holds, when its records count
 * as delivered, and what becomes of records when a transaction fails.
 */
class TransactionalPublisherTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String STATE = "news.ingest.state";

  private final MockProducer<String, byte[]> producer = TestPublishers.manual();
  private final IngestStats stats = new IngestStats();
  private final ArticlePublisher publisher = TestPublishers.transactional(producer, stats, CLOCK);

  @AfterEach
  void close() {
    publisher.close();
  }

  private static Article article(String id) {
    return new Article(id, "files", null, null, "Body of " + id + ".", "2017-04-12", null, null);
  }

  private List<String> keysOn(String topic) {
    return producer.history().stream()
        .filter(r -> r.topic().equals(topic))
        .map(ProducerRecord::key)
        .toList();
  }

  @Test
  void shouldCountRecordsDeliveredOnlyOnceTheirTransactionIsCommitted() throws Exception {
    Delivery delivery = publisher.open("in/a.jsonl", d -> {});
    publisher.publish(delivery, article("a"), "in/a.jsonl:1");
    publisher.publish(delivery, article("b"), "in/a.jsonl:2");
    delivery.seal();
    producer.flush(); // the broker has both; the transaction is still open

    assertThat(delivery.isComplete()).isFalse();
    assertThat(producer.history()).isEmpty();
    assertThat(publisher.pending()).isEqualTo(2);

    publisher.commitNow();

    assertThat(delivery.succeeded()).isTrue();
    assertThat(producer.commitCount()).isEqualTo(1);
    assertThat(keysOn(TestPublishers.TOPICS.raw().name())).containsExactly("a", "b");
    assertThat(stats.published()).isEqualTo(2);
    assertThat(publisher.awaitIdle(Duration.ZERO)).isTrue();
  }

  @Test
  void shouldCommitTheMarksOfACheckpointInTheSameTransactionAsTheArticles() {
    Delivery delivery = publisher.open("in/a.jsonl", d -> {});
    publisher.beforeCommit(
        this,
        () ->
            publisher.sendState(
                STATE, "file:in/a.jsonl", ("records " + delivery.handedOver()).getBytes()));
    publisher.publish(delivery, article("a"), "in/a.jsonl:1");
    delivery.seal();

    publisher.commitNow();

    assertThat(producer.commitCount()).isEqualTo(1);
    assertThat(producer.history())
        .extracting(ProducerRecord::topic)
        .containsExactly(TestPublishers.TOPICS.raw().name(), STATE);
    assertThat(new String(producer.history().get(1).value(), StandardCharsets.UTF_8))
        .isEqualTo("records 1");
  }

  @Test
  void shouldAbortAndDeadLetterARecordRefusedForGoodCommittingTheOthersOnce() {
    Delivery delivery = publisher.open("in/a.jsonl", d -> {});
    publisher.publish(delivery, article("a"), "in/a.jsonl:1");
    publisher.publish(delivery, article("b"), "in/a.jsonl:2");
    delivery.seal();
    producer.errorNext(new RecordTooLargeException("too large for the topic"));

    publisher.commitNow();

    assertThat(producer.transactionAborted()).isFalse();
    assertThat(keysOn(TestPublishers.TOPICS.raw().name())).containsExactly("b");
    assertThat(keysOn(TestPublishers.TOPICS.deadLetter().name())).containsExactly("a");
    ProducerRecord<String, byte[]> letter =
        producer.history().stream()
            .filter(r -> r.topic().equals(TestPublishers.TOPICS.deadLetter().name()))
            .findFirst()
            .orElseThrow();
    assertThat(
            new String(
                letter.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8))
        .startsWith("ingest: RecordTooLargeException");
    assertThat(delivery.succeeded()).isTrue();
    assertThat(delivery.published()).isEqualTo(1);
    assertThat(delivery.deadLettered()).isEqualTo(1);
  }

  @Test
  void shouldGiveUpARecordTheDeadLetterTopicRefusesTooAndStillCommitTheRest() {
    Delivery delivery = publisher.open("in/a.jsonl", d -> {});
    publisher.publish(delivery, article("a"), "in/a.jsonl:1");
    publisher.publish(delivery, article("b"), "in/a.jsonl:2");
    delivery.seal();
    producer.errorNext(new RecordTooLargeException("too large for the raw topic"));
    AtomicInteger checkpoints = new AtomicInteger();
    publisher.beforeCommit(
        this,
        () -> {
          // Checkpoints run before each attempt; before the second, the letter is the first
          // record of the new transaction.
          if (checkpoints.incrementAndGet() == 2) {
            producer.errorNext(new RecordTooLargeException("too large for the dead-letter topic"));
          }
        });

    publisher.commitNow();

    assertThat(delivery.isComplete()).isTrue();
    assertThat(delivery.undelivered()).isEqualTo(1);
    assertThat(delivery.published()).isEqualTo(1);
    assertThat(stats.failed()).isEqualTo(1);
    assertThat(keysOn(TestPublishers.TOPICS.raw().name())).containsExactly("b");
  }

  @Test
  void shouldRetryATransactionThatFailedForAPassingReasonWithoutRepeatingARecord() {
    Delivery delivery = publisher.open("in/a.jsonl", d -> {});
    publisher.publish(delivery, article("a"), "in/a.jsonl:1");
    publisher.publish(delivery, article("b"), "in/a.jsonl:2");
    delivery.seal();
    producer.errorNext(new NotEnoughReplicasException("broker coming back"));

    publisher.commitNow();

    assertThat(delivery.succeeded()).isTrue();
    assertThat(keysOn(TestPublishers.TOPICS.raw().name())).containsExactly("a", "b");
    assertThat(stats.retried()).isEqualTo(1);
  }

  @Test
  void shouldStopPublishingForGoodWhenAnotherInstanceFencesThisOne() {
    Delivery delivery = publisher.open("in/a.jsonl", d -> {});
    publisher.publish(delivery, article("a"), "in/a.jsonl:1");
    delivery.seal();
    producer.fenceProducer();

    publisher.commitNow();

    assertThat(publisher.fatal()).isNotNull();
    assertThat(publisher.problem()).hasValueSatisfying(p -> assertThat(p).contains("Fenced"));
    assertThat(delivery.undelivered()).isEqualTo(1);
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldResendTheRecordsThatFailedOnlyBecauseAnEarlierOneWasRefused() {
    Delivery delivery = publisher.open("in/a.jsonl", d -> {});
    publisher.publish(delivery, article("a"), "in/a.jsonl:1");
    delivery.seal();
    RecordTooLargeException refused = new RecordTooLargeException("too large for the topic");
    producer.errorNext(refused);
    // What the producer does to every send after a refusal: fail it with the same error.
    producer.sendException = refused;
    publisher.sendState(STATE, "file:in/a.jsonl", "done".getBytes(StandardCharsets.UTF_8));
    producer.sendException = null;

    publisher.commitNow();

    assertThat(keysOn(TestPublishers.TOPICS.deadLetter().name())).containsExactly("a");
    assertThat(keysOn(STATE)).containsExactly("file:in/a.jsonl");
    assertThat(delivery.deadLettered()).isEqualTo(1);
  }
}
