package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.model.EntityType;
import io.wirestream.sink.store.ArticleStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code wirestream query} on a store the sink wrote, SQLite and PostgreSQL, each answer checked
 * against SQL written out by hand here and against the expected article ids.
 */
class QueryCommandIT {

  @TempDir Path dir;

  private TestPostgres postgres;

  @AfterEach
  void dropSchema() throws SQLException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void findsArticlesByCanonicalEntityAndTypeTellingAPersonFromAPlace(String kind) throws Exception {
    String url = store(kind);
    assertQuery(
        url,
        List.of("--entity", "Angela Merkel", "--type", "PERSON"),
        "SELECT a.id FROM articles a JOIN canonical_entities c ON c.article_id = a.id"
            + " WHERE c.name = 'Angela Merkel' AND c.type = 'PERSON'"
            + " ORDER BY a.published_date DESC, a.id",
        "a2",
        "a1");
    assertQuery(
        url,
        List.of("--entity", "Washington", "--type", "LOCATION"),
        "SELECT article_id FROM canonical_entities WHERE name = 'Washington' AND type = 'LOCATION'",
        "a3");
    assertQuery(
        url,
        List.of("--entity", "Washington", "--type", "PERSON"),
        "SELECT article_id FROM canonical_entities WHERE name = 'Washington' AND type = 'PERSON'",
        "a4");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void findsArticlesByCountryAndByPublicationDateRange(String kind) throws Exception {
    String url = store(kind);
    assertQuery(
        url,
        List.of("--country", "de"),
        "SELECT DISTINCT a.id, a.published_date FROM articles a JOIN canonical_entities c"
            + " ON c.article_id = a.id WHERE c.country_code = 'DE'"
            + " ORDER BY a.published_date DESC, a.id",
        "a2",
        "a1");
    assertQuery(
        url,
        List.of("--published-from", "2017-04-01", "--published-to", "2017-04-30"),
        "SELECT id FROM articles WHERE published_date BETWEEN '2017-04-01' AND '2017-04-30'"
            + " ORDER BY published_date DESC, id",
        "a4",
        "a1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void findsAWeekQuarterAndDecadeByAnyRangeTheyOverlap(String kind) throws Exception {
    String url = store(kind);
    // 2017-W14 is 2017-04-03..09, so a one-day range on the 8th finds it as well as the day.
    assertQuery(
        url,
        List.of("--mentions-from", "2017-04-08", "--mentions-to", "2017-04-08"),
        "SELECT DISTINCT a.id, a.published_date FROM articles a JOIN dates d"
            + " ON d.article_id = a.id WHERE d.begin_date <= '2017-04-08'"
            + " AND d.end_date >= '2017-04-08' ORDER BY a.published_date DESC, a.id",
        "a4",
        "a1");
    assertQuery(
        url,
        List.of("--mentions-from", "1987-02-01", "--mentions-to", "1987-02-28"),
        "SELECT DISTINCT a.id, a.published_date FROM articles a JOIN dates d"
            + " ON d.article_id = a.id WHERE d.begin_date <= '1987-02-28'"
            + " AND d.end_date >= '1987-02-01' ORDER BY a.published_date DESC, a.id",
        "a2",
        "a3");
    assertQuery(
        url,
        List.of("--entity", "Angela Merkel", "--mentions-from", "1987-01-01"),
        "SELECT DISTINCT a.id, a.published_date FROM articles a"
            + " JOIN dates d ON d.article_id = a.id"
            + " JOIN canonical_entities c ON c.article_id = a.id"
            + " WHERE c.name = 'Angela Merkel' AND d.end_date >= '1987-01-01'"
            + " ORDER BY a.published_date DESC, a.id",
        "a2",
        "a1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void listsTheTopEntitiesOfAPeriodWithArticleAndMentionCounts(String kind) throws Exception {
    String url = store(kind);
    List<String> csv =
        run(
            url,
            "--top",
            "--published-from",
            "2017-01-01",
            "--published-to",
            "2017-12-31",
            "--format",
            "csv");
    List<String> expected = new ArrayList<>();
    expected.add("name,type,articles,mentions");
    expected.addAll(
        sql(
            url,
            "SELECT c.name || ',' || c.type || ',' || COUNT(*) || ',' || SUM(c.mentions)"
                + " FROM canonical_entities c JOIN articles a ON a.id = c.article_id"
                + " WHERE a.published_date >= '2017-01-01' AND a.published_date <= '2017-12-31'"
                + " GROUP BY c.name, c.type"
                + " ORDER BY COUNT(*) DESC, SUM(c.mentions) DESC, c.name, c.type"));
    assertThat(csv).isEqualTo(expected);
    assertThat(csv.get(1)).isEqualTo("Angela Merkel,PERSON,2,4");
    assertThat(csv).hasSize(6);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void printsATableByDefaultAndJsonLinesOnRequest(String kind) throws Exception {
    String url = store(kind);
    List<String> table = run(url, "--country", "US");
    assertThat(table.get(0)).startsWith("id").contains("published_date", "title");
    assertThat(table.get(2)).startsWith("a3  2016-12-31");
    assertThat(table).last().isEqualTo("(1 rows)");

    List<String> json = run(url, "--country", "US", "--format", "json");
    assertThat(json)
        .containsExactly(
            "{\"id\":\"a3\",\"published_date\":\"2016-12-31\",\"source\":\"test\","
                + "\"language\":\"en\",\"title\":\"title a3\"}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void printsWhereAnArticleCameFromInJsonButKeepsTheTableAndCsvColumns(String kind)
      throws Exception {
    String url = store(kind);
    EnrichedArticle plain =
        DownstreamArticles.article(
            "a5",
            "2018-05-01",
            "en",
            1,
            List.of(new CanonicalEntity("Oslo", EntityType.LOCATION, 1, 0, "NO")),
            List.of());
    EnrichedArticle detailed =
        new EnrichedArticle(
            plain.article().toBuilder()
                .url("https://example.org/a5")
                .sourceId("guid-5")
                .canonicalUrl("https://www.example.org/a5")
                .authors(List.of("Kari Nordmann", "Ola Nordmann"))
                .dateline("OSLO, May 1")
                .revision(2)
                .build(),
            plain.entities(),
            plain.canonicalEntities(),
            plain.dates(),
            new Enrichment(
                1, plain.enrichment().models(), plain.enrichment().processedAt(), null, "nb", null),
            List.of(),
            "a1");
    try (ArticleStore store = ArticleStore.open(url)) {
      store.write(List.of(detailed));
    }

    assertThat(run(url, "--country", "NO", "--format", "json"))
        .containsExactly(
            "{\"id\":\"a5\",\"published_date\":\"2018-05-01\",\"source\":\"test\","
                + "\"language\":\"en\",\"title\":\"title a5\",\"url\":\"https://example.org/a5\","
                + "\"source_id\":\"guid-5\",\"canonical_url\":\"https://www.example.org/a5\","
                + "\"authors\":[\"Kari Nordmann\",\"Ola Nordmann\"],\"dateline\":\"OSLO, May 1\","
                + "\"revision\":2,\"detected_language\":\"nb\",\"duplicate_of\":\"a1\"}");
    assertThat(run(url, "--country", "NO", "--format", "csv"))
        .containsExactly(
            "id,published_date,source,language,title", "a5,2018-05-01,test,en,title a5");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void listsAnArticleOnceWhenSeveralOfItsEntitiesMatchAndKeepsTheLimitInDistinctArticles(
      String kind) throws Exception {
    String url = store(kind);
    try (ArticleStore store = ArticleStore.open(url)) {
      store.write(
          List.of(
              // Two German places and Washington as a person and a place, on a1's day.
              DownstreamArticles.article(
                  "a0",
                  "2017-04-12",
                  "en",
                  1,
                  List.of(
                      new CanonicalEntity("Bonn", EntityType.LOCATION, 1, 0, "DE"),
                      new CanonicalEntity("Munich", EntityType.LOCATION, 1, 5, "DE"),
                      new CanonicalEntity("Washington", EntityType.PERSON, 1, 10, null),
                      new CanonicalEntity("Washington", EntityType.LOCATION, 1, 20, "US")),
                  List.of()),
              // No publication date the store can read: where NULL sorts is the dialect's.
              DownstreamArticles.article(
                  "a9",
                  "sometime",
                  "en",
                  1,
                  List.of(new CanonicalEntity("Bonn", EntityType.LOCATION, 1, 0, "DE")),
                  List.of())));
    }
    String byCountry =
        "SELECT DISTINCT a.id, a.published_date FROM articles a JOIN canonical_entities c"
            + " ON c.article_id = a.id WHERE c.country_code = 'DE'"
            + " ORDER BY a.published_date DESC, a.id";
    List<String> all =
        kind.equals("sqlite") ? List.of("a2", "a0", "a1", "a9") : List.of("a9", "a2", "a0", "a1");
    assertQuery(url, List.of("--country", "DE"), byCountry, all.toArray(String[]::new));
    assertQuery(
        url,
        List.of("--country", "DE", "--limit", "2"),
        byCountry + " LIMIT 2",
        all.subList(0, 2).toArray(String[]::new));
    assertQuery(
        url,
        List.of("--entity", "Washington"),
        "SELECT DISTINCT a.id, a.published_date FROM articles a JOIN canonical_entities c"
            + " ON c.article_id = a.id WHERE c.name = 'Washington'"
            + " ORDER BY a.published_date DESC, a.id",
        "a4",
        "a0",
        "a3");
    assertQuery(
        url,
        List.of(
            "--type", "LOCATION", "--published-from", "2017-01-01", "--published-to", "2017-04-30"),
        "SELECT DISTINCT a.id, a.published_date FROM articles a JOIN canonical_entities c"
            + " ON c.article_id = a.id WHERE c.type = 'LOCATION'"
            + " AND a.published_date BETWEEN '2017-01-01' AND '2017-04-30'"
            + " ORDER BY a.published_date DESC, a.id",
        "a0",
        "a1");
    assertQuery(
        url,
        List.of(
            "--entity",
            "Washington",
            "--type",
            "PERSON",
            "--mentions-from",
            "2017-04-01",
            "--mentions-to",
            "2017-04-30"),
        "SELECT DISTINCT a.id, a.published_date FROM articles a"
            + " JOIN canonical_entities c ON c.article_id = a.id JOIN dates d ON d.article_id = a.id"
            + " WHERE c.name = 'Washington' AND c.type = 'PERSON' AND d.begin_date <= '2017-04-30'"
            + " AND d.end_date >= '2017-04-01' ORDER BY a.published_date DESC, a.id",
        "a4");
    assertQuery(
        url,
        List.of(
            "--mentions-from",
            "2017-04-01",
            "--mentions-to",
            "2017-04-30",
            "--published-from",
            "2017-04-15"),
        "SELECT DISTINCT a.id, a.published_date FROM articles a JOIN dates d ON d.article_id = a.id"
            + " WHERE d.begin_date <= '2017-04-30' AND d.end_date >= '2017-04-01'"
            + " AND a.published_date >= '2017-04-15' ORDER BY a.published_date DESC, a.id",
        "a4");
    List<String> top =
        run(url, "--top", "--country", "DE", "--published-from", "2017-04-01", "--format", "csv");
    assertThat(top)
        .isEqualTo(
            List.of(
                "name,type,articles,mentions",
                "Berlin,LOCATION,1,2",
                "Bonn,LOCATION,1,1",
                "Germany,LOCATION,1,1",
                "Munich,LOCATION,1,1"));
  }

  private void assertQuery(String url, List<String> options, String handSql, String... ids)
      throws Exception {
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of("--format", "csv"));
    List<String> got =
        run(url, args.toArray(String[]::new)).stream()
            .skip(1)
            .map(line -> line.split(",", 2)[0])
            .toList();
    List<String> byHand = sql(url, handSql).stream().map(line -> line.split("\\|")[0]).toList();
    assertThat(got).as("wirestream query %s", options).isEqualTo(byHand);
    assertThat(got).containsExactly(ids);
  }

  private List<String> run(String url, String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> args = new ArrayList<>(List.of("query", "--store", url));
    args.addAll(Arrays.asList(options));
    int code = cli.execute(args.toArray(String[]::new));
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return out.toString().lines().toList();
  }

  private static List<String> sql(String url, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  private String store(String kind) throws Exception {
    String url;
    if (kind.equals("sqlite")) {
      url = "jdbc:sqlite:" + dir.resolve("query.db");
    } else {
      postgres = TestPostgres.createSchema();
      url = postgres.url();
    }
    try (ArticleStore store = ArticleStore.open(url)) {
      store.write(DownstreamArticles.all(1));
    }
    return url;
  }
}
