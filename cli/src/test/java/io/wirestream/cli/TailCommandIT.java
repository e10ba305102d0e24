package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.serde.Json;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code wirestream tail} on a real broker holding two enrichments of a1, a poison record, and a
 * last record written after a known instant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TailCommandIT {

  @TempDir static Path dir;

  private EmbeddedKafkaBroker broker;
  private Instant beforeLast;

  @BeforeAll
  void fillTopic() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
    WirestreamConfig config =
        WirestreamConfig.load(
            null,
            Map.of(),
            Map.of("bootstrap.servers", broker.bootstrapServers(), "topic.partitions", "2"));
    Topics topics = new Topics(config);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }
    String topic = topics.enriched().name();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            config.kafkaProperties(), new StringSerializer(), new ByteArraySerializer())) {
      for (EnrichedArticle article : DownstreamArticles.all(1)) {
        send(producer, topic, article);
      }
      producer
          .send(new ProducerRecord<>(topic, "a9", "\u0000garbage".getBytes(StandardCharsets.UTF_8)))
          .get();
      send(producer, topic, DownstreamArticles.all(2).get(0));
      Thread.sleep(50);
      beforeLast = Instant.now();
      Thread.sleep(50);
      send(producer, topic, DownstreamArticles.all(3).get(3));
    }
  }

  @AfterAll
  void stopBroker() {
    broker.close();
  }

  @Test
  void filtersByCanonicalEntityAndTypeCountryAndLanguage() {
    assertThat(ids(tail("--entity", "Washington", "--type", "LOCATION"))).containsExactly("a3@1");
    assertThat(ids(tail("--entity", "washington", "--type", "PERSON")))
        .containsExactlyInAnyOrder("a4@1", "a4@3");
    assertThat(ids(tail("--country", "DE", "--language", "de"))).containsExactly("a2@1");
  }

  @Test
  void findsAWeekByAMentionedDateRangeItOverlaps() {
    // a1 mentions 2017-W14 (April 3-9), a4 the day April 8.
    assertThat(ids(tail("--mentions-from", "2017-04-08", "--mentions-to", "2017-04-08")))
        .containsExactlyInAnyOrder("a1@1", "a1@2", "a4@1", "a4@3");
  }

  @Test
  void latestPrintsEachArticleOnceAtItsNewestVersionAndSkipsThePoisonRecord() {
    Run run = tail("--latest");
    assertThat(ids(run)).containsExactlyInAnyOrder("a1@2", "a2@1", "a3@1", "a4@3");
    assertThat(run.err).contains("skipped an unreadable record");
  }

  @Test
  void sinceStartsAtTheFirstRecordWrittenAtThatTimeAndMaxStops() {
    assertThat(ids(tail("--since", beforeLast.toString()))).containsExactly("a4@3");
    assertThat(ids(tail("--max", "2"))).hasSize(2);
  }

  @Test
  void printsReadableTextAndJoinsNoConsumerGroup() throws Exception {
    Run text = tailRaw("--from-beginning", "--idle-timeout", "PT3S", "--entity", "Siemens");
    assertThat(text.out).contains("a2  v1  2017-05-01  title a2", "Siemens (ORGANIZATION)");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      assertThat(admin.listGroups().all().get()).isEmpty();
    }
  }

  private record Run(String out, String err) {}

  private Run tail(String... filters) {
    List<String> args = new ArrayList<>(List.of("--format", "json", "--idle-timeout", "PT3S"));
    if (!Arrays.asList(filters).contains("--since")) {
      args.add("--from-beginning");
    }
    args.addAll(Arrays.asList(filters));
    return tailRaw(args.toArray(String[]::new));
  }

  private Run tailRaw(String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> args = new ArrayList<>(List.of("tail", "-b", broker.bootstrapServers()));
    args.addAll(Arrays.asList(options));
    int code = cli.execute(args.toArray(String[]::new));
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return new Run(out.toString(), err.toString());
  }

  private static List<String> ids(Run run) {
    return run.out.lines().map(TailCommandIT::id).toList();
  }

  private static String id(String jsonLine) {
    try {
      JsonNode record = Json.MAPPER.readTree(jsonLine);
      return record.path("article").path("id").asText()
          + "@"
          + record.path("enrichment").path("version").asInt();
    } catch (Exception e) {
      throw new AssertionError("not a JSON record: " + jsonLine, e);
    }
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, EnrichedArticle a)
      throws Exception {
    producer
        .send(new ProducerRecord<>(topic, a.article().id(), Json.MAPPER.writeValueAsBytes(a)))
        .get();
  }
}
