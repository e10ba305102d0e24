package io.wirestream.sink;

import static io.wirestream.sink.Records.enriched;
import static io.wirestream.sink.Records.partition;
import static io.wirestream.sink.Records.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.sink.store.ArticleStore;
import io.wirestream.sink.store.Articles;
import io.wirestream.sink.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's consume loop with Kafka's mock clients (no broker): subscribe, poll, write, commit,
 * rewind and shut down. Broker-level behaviour is covered by the end-to-end tests.
 */
class SinkServiceTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path folder;

  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private FlakyStore store;
  private SinkService service;
  private Thread thread;

  @BeforeEach
  void setUp() {
    store = new FlakyStore(ArticleStore.open(url()));
    service = new SinkService(consumer, producer, store, Records.TOPICS, Duration.ofMillis(1));
    thread = new Thread(service, "sink-under-test");
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    service.close();
    thread.join(WAIT.toMillis());
  }

  @Test
  void shouldStoreRecordsDeadLetterTheUnreadableAndCommitAfterwards() throws Exception {
    consumer.schedulePollTask(
        () -> {
          assign(partition(0), partition(1));
          consumer.addRecord(enriched(0, 0, Articles.enriched("a1", 1)));
          consumer.addRecord(text(0, 1, "junk", "]["));
          consumer.addRecord(enriched(1, 0, Articles.enriched("b1", 1)));
        });
    thread.start();

    assertThat(service.awaitProcessed(3, WAIT)).isTrue();
    assertThat(committed(partition(0))).isEqualTo(2);
    assertThat(committed(partition(1))).isEqualTo(1);
    service.close();
    thread.join(WAIT.toMillis());

    assertThat(service.stats()).isEqualTo(new SinkStats(2, 0, 1, 0));
    assertThat(producer.history()).extracting(letter -> letter.key()).containsExactly("junk");
    try (ArticleStore reopened = ArticleStore.open(url())) {
      assertThat(reopened.find("b1")).contains(Articles.enriched("b1", 1));
    }
    assertThat(consumer.closed()).isTrue();
    assertThat(producer.closed()).isTrue();
    assertThat(service.failure()).isEmpty();
  }

  @Test
  void shouldRewindAndConsumeTheBatchAgainWhileTheStoreIsDown() throws Exception {
    store.failNext(SinkService.ATTEMPTS_PER_POLL, StoreException.Kind.RETRIABLE);
    AtomicLong positionAfterFailure = new AtomicLong(-1);
    consumer.schedulePollTask(
        () -> {
          assign(partition(0));
          consumer.addRecord(enriched(0, 0, Articles.enriched("a1", 1)));
          consumer.addRecord(enriched(0, 1, Articles.enriched("b1", 1)));
        });
    consumer.schedulePollTask(
        () -> {
          // The mock forgets records once polled; a broker would serve them again from here.
          positionAfterFailure.set(consumer.position(partition(0)));
          consumer.addRecord(enriched(0, 0, Articles.enriched("a1", 1)));
          consumer.addRecord(enriched(0, 1, Articles.enriched("b1", 1)));
        });
    thread.start();

    assertThat(service.awaitProcessed(2, WAIT)).isTrue();

    assertThat(positionAfterFailure).hasValue(0);
    assertThat(committed(partition(0))).isEqualTo(2);
    assertThat(service.stats()).isEqualTo(new SinkStats(2, 0, 0, SinkService.ATTEMPTS_PER_POLL));
  }

  @Test
  void shouldStopAndReportAFatalStoreError() throws Exception {
    store.failNext(1, StoreException.Kind.FATAL);
    consumer.schedulePollTask(
        () -> {
          assign(partition(0));
          consumer.addRecord(enriched(0, 0, Articles.enriched("a1", 1)));
        });
    thread.start();
    thread.join(WAIT.toMillis());

    assertThat(thread.isAlive()).isFalse();
    assertThat(service.failure()).containsInstanceOf(StoreException.class);
    assertThat(service.stats().processed()).isZero();
    assertThat(consumer.closed()).isTrue();
  }

  @Test
  void shouldCloseCleanlyBeforeRunning() {
    service.close();
    service.run();

    assertThat(consumer.closed()).isTrue();
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void shouldCloseTheStoreWhenTheKafkaClientsCannotBeCreated() {
    WirestreamConfig config =
        new WirestreamConfig(
            Map.of(WirestreamConfig.BOOTSTRAP_SERVERS, "no-such-host.invalid:9092"));

    assertThatThrownBy(() -> new SinkService(config, store)).isInstanceOf(KafkaException.class);

    assertThatThrownBy(() -> store.find("a1")).hasMessageContaining("closed");
  }

  @Test
  void shouldConfigureTheConsumerForTransactionalInputAndManualCommits() {
    WirestreamConfig config =
        new WirestreamConfig(
            Map.of(
                WirestreamConfig.SINK_GROUP_ID,
                "g1",
                WirestreamConfig.SINK_BATCH_SIZE,
                "42",
                "kafka.security.protocol",
                "SSL"));

    Properties consumerProperties = SinkService.consumerProperties(config);
    Properties producerProperties = SinkService.producerProperties(config);

    assertThat(consumerProperties)
        .containsEntry("group.id", "g1")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("auto.offset.reset", "earliest")
        .containsEntry("max.poll.records", 42)
        .containsEntry("security.protocol", "SSL");
    assertThat(producerProperties)
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("security.protocol", "SSL");
  }

  private String url() {
    return "jdbc:sqlite:" + folder.resolve("sink.db");
  }

  private void assign(TopicPartition... partitions) {
    Map<TopicPartition, Long> beginning = new HashMap<>();
    for (TopicPartition partition : partitions) {
      beginning.put(partition, 0L);
    }
    consumer.updateBeginningOffsets(beginning);
    consumer.rebalance(List.of(partitions));
  }

  private long committed(TopicPartition partition) {
    Map<TopicPartition, OffsetAndMetadata> offsets = consumer.committed(Set.of(partition));
    return offsets.get(partition).offset();
  }
}
