package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.cli.demo.Demo;
import io.wirestream.cli.demo.DemoSummary;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.common.serde.Json;
import io.wirestream.common.topic.Topics;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All 19,042 Reuters-21578 stories through the demo path: each stored exactly once, none lost, and
 * a second ingest of the same file changes nothing in the store.
 */
class ReutersPipelineIT {

  @TempDir Path dir;

  @Test
  void shouldStoreEveryReutersStoryExactlyOnceAndIgnoreReingestion() throws Exception {
    Path reuters = SharedData.require("corpora/news/reuters21578.jsonl");
    Set<String> expectedIds = expectedIds(reuters);
    String store = "jdbc:sqlite:" + dir.resolve("reuters.db");

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      DemoSummary first = run(broker, store, reuters);

      assertThat(first.read()).isEqualTo(expectedIds.size());
      assertThat(first.rejected()).isZero();
      assertThat(first.stored() + first.deadLettered()).isEqualTo(expectedIds.size());
      assertEveryDeadLetterHasAReason(broker, first.deadLettered());
      assertThat(storedIds(store)).hasSize((int) first.stored());
      Set<String> missing = new HashSet<>(expectedIds);
      missing.removeAll(storedIds(store));
      assertThat(missing).hasSize((int) first.deadLettered());
      // Each story keeps its Reuters id, and its dateline when it has one.
      assertThat(storedCount(store, "source_id LIKE 'reuters-21578-%'")).isEqualTo(first.stored());
      assertThat(storedCount(store, "dateline IS NOT NULL")).isGreaterThan(first.stored() / 2);
      String contents = fingerprint(store);

      DemoSummary again = run(broker, store, reuters);

      assertThat(again.stored()).isEqualTo(first.stored());
      assertThat(fingerprint(store)).isEqualTo(contents);
    }
  }

  private DemoSummary run(EmbeddedKafkaBroker broker, String store, Path input) throws Exception {
    Demo.Options options =
        new Demo.Options(
            dir,
            store,
            List.of(input),
            List.of(),
            List.of(),
            "reuters",
            false,
            Duration.ofMinutes(20),
            broker.bootstrapServers(),
            Map.of("enrich.threads", "2"));
    StringWriter log = new StringWriter();
    try (Demo demo = new Demo(options, new PrintWriter(log, true), new PrintWriter(log, true))) {
      return demo.run();
    }
  }

  private static Set<String> expectedIds(Path jsonl) throws Exception {
    Set<String> ids = new HashSet<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode node = Json.MAPPER.readTree(line);
        ids.add(ArticleIds.fromSourceId(node.get("source").asText(), node.get("id").asText()));
      }
    }
    return ids;
  }

  private static long storedCount(String store, String condition) throws Exception {
    try (Connection connection = DriverManager.getConnection(store);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT COUNT(*) FROM articles WHERE " + condition)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Set<String> storedIds(String store) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection connection = DriverManager.getConnection(store);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM articles")) {
      while (rows.next()) {
        assertThat(ids.add(rows.getString(1))).as("article stored twice").isTrue();
      }
    }
    return ids;
  }

  /** A digest of everything enrichment put in the store, leaving out processing timestamps. */
  private static String fingerprint(String store) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (Connection connection = DriverManager.getConnection(store);
        Statement statement = connection.createStatement()) {
      for (String sql :
          List.of(
              "SELECT id, source, title, body, published, enrichment_version, source_id, dateline FROM articles ORDER BY id",
              "SELECT article_id, ordinal, text, type, start_offset, end_offset, canonical FROM entities ORDER BY article_id, ordinal",
              "SELECT article_id, ordinal, name, type, mentions, first_offset, country_code FROM canonical_entities ORDER BY article_id, ordinal",
              "SELECT article_id, ordinal, text, type, value, start_offset, end_offset FROM dates ORDER BY article_id, ordinal")) {
        try (ResultSet rows = statement.executeQuery(sql)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              digest.update(String.valueOf(rows.getString(i)).getBytes(StandardCharsets.UTF_8));
              digest.update((byte) 0);
            }
          }
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void assertEveryDeadLetterHasAReason(EmbeddedKafkaBroker broker, long expected) {
    WirestreamConfig config =
        WirestreamConfig.load(
            null, Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers()));
    List<ConsumerRecord<String, byte[]>> letters =
        TopicReader.readCommitted(
            config, new Topics(config).deadLetter(), expected, Duration.ofSeconds(30));
    assertThat(letters).hasSize((int) expected);
    assertThat(letters)
        .allSatisfy(r -> assertThat(r.headers().lastHeader(DeadLetterHeaders.REASON)).isNotNull());
  }
}
