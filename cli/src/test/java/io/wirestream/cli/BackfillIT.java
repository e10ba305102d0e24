package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.cli.demo.Demo;
import io.wirestream.cli.demo.DemoSummary;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.enrich.EnrichService;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.sink.SinkService;
import io.wirestream.sink.store.ArticleStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill after a model upgrade: a second enrich application with a higher version replays
 * news.raw from the start, and the store ends with one copy of each article at the new version.
 */
class BackfillIT {

  @TempDir Path dir;

  @Test
  void shouldReplaceEveryArticleWithTheNewerEnrichmentWhenReplayingTheRawTopic() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.copy(SharedData.seedArticle(), inbox.resolve("seed.txt"));
    Files.writeString(
        inbox.resolve("second.txt"),
        "date 2019-05-15 Angela Merkel met Emmanuel Macron in Paris on Monday.");
    String store = "jdbc:sqlite:" + dir.resolve("store.db");

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      Demo.Options options =
          new Demo.Options(
              dir,
              store,
              List.of(inbox),
              List.of(),
              List.of(),
              "files",
              false,
              Duration.ofMinutes(3),
              broker.bootstrapServers(),
              Map.of());
      StringWriter log = new StringWriter();
      DemoSummary first;
      try (Demo demo = new Demo(options, new PrintWriter(log, true), new PrintWriter(log, true))) {
        first = demo.run();
      }
      assertThat(first.stored()).isEqualTo(2);
      assertThat(versions(store)).containsOnly(1);
      long entities = count(store, "SELECT count(*) FROM entities");

      WirestreamConfig upgraded =
          WirestreamConfig.load(
              null,
              Map.of(),
              Map.of(
                  "bootstrap.servers",
                  broker.bootstrapServers(),
                  "enrich.application.id",
                  "wirestream-enrich-v2",
                  "enrich.version",
                  "2",
                  "enrich.state.dir",
                  dir.resolve("streams-v2").toString()));
      try (EnrichService enrich = new EnrichService(upgraded, NlpPipeline.from(upgraded));
          SinkService sink = new SinkService(upgraded, ArticleStore.open(store))) {
        enrich.start();
        Thread worker = new Thread(sink, "backfill-sink");
        worker.start();
        assertThat(sink.awaitProcessed(2, Duration.ofMinutes(2))).as("backfill processed").isTrue();
      }

      assertThat(count(store, "SELECT count(*) FROM articles")).isEqualTo(2);
      assertThat(versions(store)).containsOnly(2);
      assertThat(count(store, "SELECT count(*) FROM entities")).isEqualTo(entities);
    }
  }

  private static List<Integer> versions(String store) throws Exception {
    try (Connection connection = DriverManager.getConnection(store);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT enrichment_version FROM articles")) {
      java.util.ArrayList<Integer> versions = new java.util.ArrayList<>();
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
      return versions;
    }
  }

  private static long count(String store, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(store);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
