package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.cli.demo.Demo;
import io.wirestream.cli.demo.DemoSummary;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.sink.store.ArticleStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed article through ingest, enrich and sink on a real broker, into each kind of store. */
class SeedPipelineIT {

  @TempDir static Path kafkaDir;
  @TempDir Path dataDir;
  static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedKafkaBroker.start(kafkaDir);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private DemoSummary runPipeline(String store) throws Exception {
    return runPipeline(store, SharedData.seedArticle());
  }

  private DemoSummary runPipeline(String store, Path input) throws Exception {
    Demo.Options options =
        new Demo.Options(
            dataDir,
            store,
            List.of(input),
            List.of(),
            List.of(),
            "bbc",
            false,
            Duration.ofMinutes(3),
            broker.bootstrapServers(),
            Map.of());
    StringWriter log = new StringWriter();
    try (Demo demo = new Demo(options, new PrintWriter(log, true), new PrintWriter(log, true))) {
      return demo.run();
    }
  }

  @Test
  void shouldStoreSeedArticleWithItsPeoplePlacesAndDatesInSqlite() throws Exception {
    String store = "jdbc:sqlite:" + dataDir.resolve("wirestream.db");

    DemoSummary summary = runPipeline(store);

    assertThat(summary.stored()).isEqualTo(1);
    assertThat(summary.deadLettered()).isZero();
    assertSeedArticleStored(store);
  }

  @Test
  void shouldStoreSeedArticleWithItsPeoplePlacesAndDatesInPostgres() throws Exception {
    try (TestPostgres postgres = TestPostgres.createSchema()) {
      DemoSummary summary = runPipeline(postgres.url());

      assertThat(summary.stored()).isEqualTo(1);
      assertSeedArticleStored(postgres.url());
    }
  }

  @Test
  void shouldCarryEverythingAJsonLineSaysOfItsArticleIntoTheStore() throws Exception {
    Path input = dataDir.resolve("in").resolve("wire.jsonl");
    Files.createDirectories(input.getParent());
    Files.writeString(
        input,
        "{\"id\":\"wire-7\",\"source\":\"wire\",\"published\":\"2017-04-12\","
            + "\"title\":\"Putin speaks\",\"url\":\"https://example.org/wire-7\","
            + "\"language\":\"en\",\"dateline\":\"MOSCOW, April 12\","
            + "\"summary\":\"Putin on relations.\",\"authors\":[\"Anna Smith\",\"Bo Li\"],"
            + "\"body\":\"Vladimir Putin said on Wednesday that trust had worsened.\"}\n");
    String store = "jdbc:sqlite:" + dataDir.resolve("wire.db");

    assertThat(runPipeline(store, input).stored()).isEqualTo(1);

    try (ArticleStore articles = ArticleStore.open(store)) {
      Article article =
          articles.find(ArticleIds.fromSourceId("wire", "wire-7")).orElseThrow().article();
      assertThat(article.sourceId()).isEqualTo("wire-7");
      assertThat(article.url()).isEqualTo("https://example.org/wire-7");
      assertThat(article.language()).isEqualTo("en");
      assertThat(article.dateline()).isEqualTo("MOSCOW, April 12");
      assertThat(article.summary()).isEqualTo("Putin on relations.");
      assertThat(article.authors()).containsExactly("Anna Smith", "Bo Li");
    }
  }

  private static void assertSeedArticleStored(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url)) {
      assertThat(column(connection, "SELECT published FROM articles"))
          .containsExactly("2017-04-12");
      assertThat(column(connection, "SELECT source_id FROM articles"))
          .containsExactly("000_6007e88cfec98b27");
      assertThat(column(connection, "SELECT text FROM entities WHERE type = 'PERSON'"))
          .contains(
              "Vladimir Putin",
              "Donald Trump",
              "Sergei Lavrov",
              "Rex Tillerson",
              "Bashar al-Assad");
      assertThat(column(connection, "SELECT text FROM entities WHERE type = 'LOCATION'"))
          .contains("Russia", "Syria", "Moscow");
      assertThat(rows(connection, "SELECT text, value FROM dates WHERE type = 'DATE'"))
          .contains(
              tuple("Wednesday", "2017-04-12"),
              tuple("Tuesday", "2017-04-11"),
              tuple("January", "2017-01"),
              tuple("last week", "2017-W14"));
      // Offsets point at the mention in the stored body.
      assertThat(
              column(
                  connection,
                  "SELECT substr(a.body, e.start_offset + 1, e.end_offset - e.start_offset) = e.text"
                      + " FROM entities e JOIN articles a ON a.id = e.article_id"))
          .allMatch(same -> same.equals("1") || same.equals("t") || same.equals("true"));
    }
  }

  private static List<String> column(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static List<Tuple> rows(Connection connection, String sql) throws SQLException {
    List<Tuple> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(tuple(rows.getString(1), rows.getString(2)));
      }
    }
    return values;
  }
}
