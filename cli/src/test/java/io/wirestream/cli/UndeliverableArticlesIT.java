package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.topic.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What ingest and the demo do with articles a real broker refuses for good: topics created with a
 * {@code max.message.bytes} smaller than any article make the broker answer every write with
 * RECORD_TOO_LARGE. Refused on the raw topic, an article is dead-lettered; refused on the
 * dead-letter topic too, it is undelivered, counted, and the exit code is 1.
 *
 * <p>The limit is 200 bytes: below any article or dead letter, above the 78 bytes of the marker
 * that ends a transaction. Below that, the broker could never write the marker that aborts ingest's
 * transaction, and the partition would stay locked.
 */
class UndeliverableArticlesIT {

  @TempDir static Path shared;
  @TempDir Path dir;

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedKafkaBroker.start(shared.resolve("kafka"));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static WirestreamConfig config(String prefix) {
    return WirestreamConfig.load(
        null,
        Map.of(),
        Map.of(
            "bootstrap.servers", broker.bootstrapServers(),
            "topic.raw", prefix + ".raw",
            "topic.enriched", prefix + ".enriched",
            "topic.dlq", prefix + ".dlq"));
  }

  /** Creates the topics of {@code prefix}, those named with a broker limit of 200 bytes a batch. */
  private static void createTopics(String prefix, String... tiny) throws Exception {
    List<String> small = List.of(tiny);
    List<NewTopic> topics = new ArrayList<>();
    for (String name : List.of(prefix + ".raw", prefix + ".enriched", prefix + ".dlq")) {
      NewTopic topic = new NewTopic(name, 1, (short) 1);
      topics.add(small.contains(name) ? topic.configs(Map.of("max.message.bytes", "200")) : topic);
    }
    try (Admin admin = Admin.create(config(prefix).kafkaProperties())) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
  }

  private int run(String prefix, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "-D", "topic.raw=" + prefix + ".raw",
            "-D", "topic.enriched=" + prefix + ".enriched",
            "-D", "topic.dlq=" + prefix + ".dlq"));
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void shouldDeadLetterAnArticleTheRawTopicRefusesWithStageFileAndLine() throws Exception {
    createTopics("refused", "refused.raw");
    Path file = Files.writeString(dir.resolve("a.txt"), "date 2017-04-12 Too big for the topic.");

    int exit = run("refused", "ingest", "-b", broker.bootstrapServers(), "--once", file.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("articles read 1, rejected 0, published 0, failed 0, dead-lettered 1");
    List<ConsumerRecord<String, byte[]>> letters =
        TopicReader.readCommitted(
            config("refused"),
            new Topics(config("refused")).deadLetter(),
            1,
            Duration.ofSeconds(30));
    assertThat(letters)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("ingest");
              assertThat(header(letter, DeadLetterHeaders.REASON))
                  .startsWith("ingest: RecordTooLargeException");
              assertThat(header(letter, DeadLetterHeaders.SOURCE_FILE)).isEqualTo(file.toString());
              assertThat(header(letter, DeadLetterHeaders.SOURCE_LINE)).isEqualTo("1");
            });
  }

  @Test
  void shouldExitOneAndCountTheArticlesAnIngestCouldNotDeliver() throws Exception {
    createTopics("lost", "lost.raw", "lost.dlq");
    Path file = Files.writeString(dir.resolve("a.txt"), "date 2017-04-12 Never acknowledged.");

    int exit = run("lost", "ingest", "-b", broker.bootstrapServers(), "--once", file.toString());

    assertThat(exit).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("articles read 1, rejected 0, published 0, failed 1");
    assertThat(err.toString())
        .contains("wirestream ingest: 1 of 1 articles could not be delivered to lost.raw");
  }

  @Test
  void shouldExitOneAndCountUnaccountedArticlesWhenTheDemoCannotDeliverThem() throws Exception {
    createTopics("demo", "demo.raw", "demo.dlq");

    int exit =
        run(
            "demo",
            "demo",
            "-b",
            broker.bootstrapServers(),
            "--data-dir",
            dir.toString(),
            "--timeout",
            "120");

    assertThat(exit).as(err.toString()).isEqualTo(1);
    assertThat(out.toString())
        // the four seed files and the three articles of the demo's own web site
        .contains("articles read 7 (rejected at input 0), stored 0, dead-lettered 0")
        .contains(", unaccounted 7");
    assertThat(err.toString())
        .contains(
            "wirestream demo: 7 of 7 accepted articles were neither stored nor dead-lettered"
                + " (7 never acknowledged by the broker)");
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
