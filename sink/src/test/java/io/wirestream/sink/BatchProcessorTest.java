package io.wirestream.sink;

import static io.wirestream.sink.Records.batch;
import static io.wirestream.sink.Records.enriched;
import static io.wirestream.sink.Records.partition;
import static io.wirestream.sink.Records.text;
import static io.wirestream.sink.store.Articles.smaller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.sink.store.ArticleStore;
import io.wirestream.sink.store.Articles;
import io.wirestream.sink.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poll-write-commit step against a real SQLite store, with no broker. */
class BatchProcessorTest {

  @TempDir Path folder;

  private FlakyStore store;
  private MockProducer<String, byte[]> producer;
  private SinkCounters counters;
  private final List<Duration> pauses = new ArrayList<>();
  private BatchProcessor processor;

  @BeforeEach
  void setUp() {
    store = new FlakyStore(ArticleStore.open("jdbc:sqlite:" + folder.resolve("sink.db")));
    producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    counters = new SinkCounters();
    Backoff backoff =
        new Backoff(
            Duration.ofMillis(100),
            Duration.ofMillis(400),
            delay -> {
              pauses.add(delay);
              return true;
            });
    processor =
        new BatchProcessor(
            store,
            new RecordDecoder(Records.TOPICS.enriched().valueSerde().deserializer()),
            new DeadLetters(producer, Records.TOPICS.deadLetter().name()),
            backoff,
            3,
            counters);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void shouldStoreTheBatchAndCommitPastItsLastRecordOnEachPartition() {
    BatchOutcome outcome =
        processor.process(
            batch(
                enriched(0, 10, Articles.enriched("a1", 1)),
                enriched(1, 4, Articles.enriched("b1", 1)),
                enriched(0, 11, Articles.enriched("c1", 1))));

    assertThat(outcome.commit())
        .containsOnlyKeys(partition(0), partition(1))
        .containsEntry(partition(0), new OffsetAndMetadata(12, Optional.of(7), ""))
        .containsEntry(partition(1), new OffsetAndMetadata(5, Optional.of(7), ""));
    assertThat(outcome.rewind()).isEmpty();
    assertThat(store.find("c1")).contains(Articles.enriched("c1", 1));
    assertThat(stats(outcome)).isEqualTo(new SinkStats(3, 0, 0, 0));
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldCountRecordsOlderThanTheStoredVersionAsStale() {
    BatchOutcome first = processor.process(batch(enriched(0, 0, smaller("a1", 2))));

    BatchOutcome second = processor.process(batch(enriched(0, 1, Articles.enriched("a1", 1))));

    assertThat(store.find("a1")).contains(smaller("a1", 2));
    assertThat(stats(first)).isEqualTo(new SinkStats(1, 0, 0, 0));
    assertThat(stats(second)).isEqualTo(new SinkStats(0, 1, 0, 0));
  }

  @Test
  void shouldDeadLetterAnUnreadableRecordWithItsOriginAndStoreTheRest() {
    BatchOutcome outcome =
        processor.process(
            batch(
                enriched(0, 0, Articles.enriched("a1", 1)),
                text(0, 1, "k-bad", "{not json"),
                enriched(0, 2, Articles.enriched("b1", 1))));

    assertThat(outcome.commit()).containsKey(partition(0));
    assertThat(outcome.commit().get(partition(0)).offset()).isEqualTo(3);
    assertThat(producer.history()).hasSize(1);
    ProducerRecord<String, byte[]> letter = producer.history().get(0);
    assertThat(letter.topic()).isEqualTo("news.dlq");
    assertThat(letter.key()).isEqualTo("k-bad");
    assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("sink");
    assertThat(header(letter, DeadLetterHeaders.REASON)).startsWith("deserialize: ");
    assertThat(header(letter, DeadLetterHeaders.EXCEPTION))
        .isEqualTo("org.apache.kafka.common.errors.SerializationException");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.enriched");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(header(letter, "trace")).as("original headers are kept").isEqualTo("t-1");
    assertThat(producer.flushed()).isTrue();
    assertThat(stats(outcome)).isEqualTo(new SinkStats(2, 0, 1, 0));
  }

  @Test
  void shouldDeadLetterTombstonesAndRecordsMissingRequiredFields() {
    String noEntityType =
        "{\"article\":{\"id\":\"x\",\"source\":\"s\",\"body\":\"Bob\","
            + "\"published\":\"2020-01-01\"},"
            + "\"entities\":[{\"text\":\"Bob\",\"start\":0,\"end\":3}],"
            + "\"enrichment\":{\"version\":1,\"models\":{}}}";

    processor.process(batch(text(0, 0, "t", null), text(0, 1, "x", noEntityType)));

    assertThat(producer.history())
        .extracting(letter -> header(letter, DeadLetterHeaders.REASON))
        .containsExactly(
            "record has no value (tombstone)", "invalid: an entity without text or type");
    assertThat(store.find("x")).isEmpty();
  }

  @Test
  void shouldRetryARetriableFailureAndThenCommit() {
    store.failNext(2, StoreException.Kind.RETRIABLE);

    BatchOutcome outcome = processor.process(batch(enriched(0, 5, Articles.enriched("a1", 1))));

    assertThat(outcome.committed()).isTrue();
    assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(store.find("a1")).isPresent();
    assertThat(stats(outcome)).isEqualTo(new SinkStats(1, 0, 0, 2));
  }

  @Test
  void shouldRewindToTheStartOfTheBatchWhileTheStoreStaysDown() {
    store.failNext(100, StoreException.Kind.RETRIABLE);

    BatchOutcome outcome =
        processor.process(
            batch(
                enriched(0, 5, Articles.enriched("a1", 1)),
                text(0, 6, "bad", "{"),
                enriched(2, 9, Articles.enriched("b1", 1))));

    assertThat(outcome.committed()).isFalse();
    assertThat(outcome.rewind()).isEqualTo(Map.of(partition(0), 5L, partition(2), 9L));
    assertThat(store.writes).hasValue(3);
    assertThat(producer.history()).as("no dead letters for a batch that is replayed").isEmpty();
    assertThat(stats(outcome)).isEqualTo(new SinkStats(0, 0, 0, 3));

    processor.process(batch(enriched(0, 5, Articles.enriched("a1", 1))));
    assertThat(pauses)
        .as("backoff keeps growing across polls, capped")
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(400),
            Duration.ofMillis(400),
            Duration.ofMillis(400));
  }

  @Test
  void shouldStopRetryingWhenTheServiceIsClosing() {
    store.failNext(100, StoreException.Kind.RETRIABLE);
    BatchProcessor closing =
        new BatchProcessor(
            store,
            new RecordDecoder(Records.TOPICS.enriched().valueSerde().deserializer()),
            new DeadLetters(producer, "news.dlq"),
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), delay -> false),
            10,
            counters);

    BatchOutcome outcome = closing.process(batch(enriched(0, 5, Articles.enriched("a1", 1))));

    assertThat(outcome.rewind()).isEqualTo(Map.of(partition(0), 5L));
    assertThat(store.writes).hasValue(1);
  }

  @Test
  void shouldDeadLetterOnlyTheRecordTheDatabaseRejects() {
    store.reject("bad");

    BatchOutcome outcome =
        processor.process(
            batch(
                enriched(0, 0, Articles.enriched("a1", 1)),
                enriched(0, 1, Articles.enriched("bad", 1)),
                enriched(0, 2, Articles.enriched("b1", 1))));

    assertThat(outcome.committed()).isTrue();
    assertThat(store.find("a1")).isPresent();
    assertThat(store.find("b1")).isPresent();
    assertThat(store.find("bad")).isEmpty();
    assertThat(producer.history()).hasSize(1);
    assertThat(header(producer.history().get(0), DeadLetterHeaders.REASON))
        .startsWith("store: injected rejection");
    assertThat(header(producer.history().get(0), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(stats(outcome)).isEqualTo(new SinkStats(2, 0, 1, 0));
  }

  @Test
  void shouldFailOnAnErrorNoRetryCanFix() {
    store.failNext(1, StoreException.Kind.FATAL);

    assertThatThrownBy(() -> processor.process(batch(enriched(0, 0, Articles.enriched("a1", 1)))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("FATAL");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldRewindWhenDeadLettersCannotBeAcknowledged() {
    producer.flushException = new TimeoutException("broker gone");

    BatchOutcome outcome =
        processor.process(batch(enriched(0, 3, Articles.enriched("a1", 1)), text(0, 4, "k", "x")));

    assertThat(outcome.rewind()).isEqualTo(Map.of(partition(0), 3L));
    assertThat(stats(outcome)).isEqualTo(new SinkStats(0, 0, 0, 1));
  }

  /** The outcome's counts with the retries so far. */
  private SinkStats stats(BatchOutcome outcome) {
    return new SinkStats(
        outcome.stored(), outcome.stale(), outcome.deadLettered(), counters.snapshot().retries());
  }

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
