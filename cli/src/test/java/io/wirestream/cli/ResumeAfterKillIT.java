package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service killed with SIGKILL and started again with the same instance id resumes its partitions
 * at once: it is a static member of its group, so the group hands it its old assignment without
 * waiting for the dead member's session to expire. Each service runs as its own JVM, as in
 * production; the time measured is from the new process's start to its first record processed.
 */
class ResumeAfterKillIT {

  /** Startup of a JVM (and for enrich, its models) plus the rejoin, on a busy two-core machine. */
  private static final Duration RESUME_BOUND = Duration.ofSeconds(20);

  @TempDir Path dir;

  private ServiceProcesses services;

  @BeforeEach
  void processes() {
    services = new ServiceProcesses(dir);
  }

  @AfterEach
  void killLeftovers() {
    services.close();
  }

  @Test
  void shouldResumeTheSinkWithinSecondsOfItsRestartAfterKillNine() throws Exception {
    Duration resumed = restartSink(List.of("-D", "sink.instance.id=sink-a"));

    System.out.println(
        "sink (static member) resumed " + resumed.toMillis() + " ms after its restart");
    assertThat(resumed).isLessThan(RESUME_BOUND);
  }

  /**
   * Without an instance id the group waits for the dead member's session (10 s by default) to
   * expire, counted from the kill; the new JVM's startup overlaps that wait.
   */
  @Test
  void shouldResumeTheSinkWithoutInstanceIdWithinTheSessionTimeoutOfItsRestart() throws Exception {
    Duration resumed = restartSink(List.of());

    System.out.println(
        "sink (dynamic member) resumed " + resumed.toMillis() + " ms after its restart");
    assertThat(resumed).isLessThan(RESUME_BOUND);
  }

  private Duration restartSink(List<String> options) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config = config(broker);
      Topics topics = new Topics(config);
      ensureTopics(config, topics);
      TopicPartition partition = new TopicPartition(topics.enriched().name(), 0);
      String store = "jdbc:sqlite:" + dir.resolve("sink.db");
      List<String> command = new ArrayList<>(List.of("sink", "--store", store));
      command.addAll(options);

      Process first = services.start(broker.bootstrapServers(), command, "sink-1");
      sendEnriched(config, topics, "e1");
      services.await(
          () -> committed(config, "wirestream-sink", partition) >= 1, Duration.ofSeconds(90));
      first.destroyForcibly().waitFor();

      sendEnriched(config, topics, "e2");
      long started = System.nanoTime();
      services.start(broker.bootstrapServers(), command, "sink-2");
      services.await(
          () -> committed(config, "wirestream-sink", partition) >= 2, Duration.ofSeconds(90));
      Duration resumed = Duration.ofNanos(System.nanoTime() - started);
      System.out.println(Files.readString(services.log("sink-2")));
      return resumed;
    }
  }

  @Test
  void shouldResumeEnrichWithinSecondsOfItsRestartAfterKillNine() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config = config(broker);
      Topics topics = new Topics(config);
      ensureTopics(config, topics);
      List<String> command =
          List.of(
              "enrich",
              "-D",
              "enrich.instance.id=enrich-a",
              "-D",
              "enrich.state.dir=" + dir.resolve("streams"));

      Process first = services.start(broker.bootstrapServers(), command, "enrich-1");
      sendRaw(config, topics, "r1");
      services.await(() -> enrichedKeys(config, topics).contains("r1"), Duration.ofSeconds(120));
      first.destroyForcibly().waitFor();

      sendRaw(config, topics, "r2");
      long started = System.nanoTime();
      services.start(broker.bootstrapServers(), command, "enrich-2");
      services.await(() -> enrichedKeys(config, topics).contains("r2"), Duration.ofSeconds(120));
      Duration resumed = Duration.ofNanos(System.nanoTime() - started);
      System.out.println(Files.readString(services.log("enrich-2")));

      System.out.println(
          "enrich (static member) resumed " + resumed.toMillis() + " ms after its restart");
      assertThat(resumed).isLessThan(RESUME_BOUND);
    }
  }

  private WirestreamConfig config(EmbeddedKafkaBroker broker) {
    return WirestreamConfig.load(
        null,
        Map.of(),
        Map.of("bootstrap.servers", broker.bootstrapServers(), "topic.partitions", "1"));
  }

  private static void ensureTopics(WirestreamConfig config, Topics topics) throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }
  }

  private static long committed(WirestreamConfig config, String group, TopicPartition partition) {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      OffsetAndMetadata offset = offsets.get(partition);
      return offset == null ? 0 : offset.offset();
    } catch (Exception e) {
      return 0;
    }
  }

  private static List<String> enrichedKeys(WirestreamConfig config, Topics topics) {
    Properties props = config.kafkaProperties();
    props.put("isolation.level", "read_committed");
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topics.enriched().name(), 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }

  private static void sendEnriched(WirestreamConfig config, Topics topics, String id)
      throws Exception {
    Article article =
        new Article(id, "test", null, "A title", "Paris.", "2019-05-15", Instant.now(), "en");
    EnrichedArticle enriched =
        new EnrichedArticle(
            article, List.of(), List.of(), List.of(), new Enrichment(1, Map.of(), Instant.now()));
    send(
        config,
        topics.enriched().name(),
        id,
        topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), enriched));
  }

  private static void sendRaw(WirestreamConfig config, Topics topics, String id) throws Exception {
    Article article =
        new Article(
            id,
            "test",
            null,
            "A title",
            "Angela Merkel visited Paris on Monday.",
            "2019-05-15",
            Instant.now(),
            "en");
    send(
        config,
        topics.raw().name(),
        id,
        topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article));
  }

  private static void send(WirestreamConfig config, String topic, String key, byte[] value)
      throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            config.kafkaProperties(), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }
}
