package io.wirestream.sink.store;

import static io.wirestream.sink.store.Articles.enriched;
import static io.wirestream.sink.store.Articles.smaller;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every dialect of the store must show; subclasses say which database to run on. Row
 * counts are checked with plain SQL on a second connection, so they see only committed data.
 */
abstract class ArticleStoreContract {

  private ArticleStore store;

  /** A JDBC URL of an empty database (or schema) for this test. */
  abstract String jdbcUrl();

  ArticleStore store() {
    if (store == null) {
      store = ArticleStore.open(jdbcUrl());
    }
    return store;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void shouldCreateSchemaOnceAndReopenWithoutChanges() throws SQLException {
    store().write(List.of(enriched("a1", 1)));
    store().close();
    store = null;

    JdbcArticleStore reopened = JdbcArticleStore.open(jdbcUrl());
    reopened.close();
    try (JdbcArticleStore again = JdbcArticleStore.open(jdbcUrl())) {
      assertThat(again.schemaVersion())
          .isEqualTo(new SchemaMigrator(again.dialect()).latestVersion());
    }

    assertThat(count("SELECT COUNT(*) FROM schema_version"))
        .isEqualTo(new SchemaMigrator(Dialect.SQLITE).latestVersion());
    assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM entities")).isEqualTo(4);
  }

  @Test
  void shouldApplyNoMigrationWhenSchemaIsCurrent() throws SQLException {
    store();
    Dialect dialect = Dialect.fromUrl(jdbcUrl());
    try (Connection connection = dialect.connect(jdbcUrl())) {
      connection.setAutoCommit(false);
      assertThat(new SchemaMigrator(dialect).migrate(connection)).isZero();
    }
  }

  @Test
  void shouldLeaveOneCopyWhenTheSameRecordIsWrittenTwice() throws SQLException {
    assertThat(store().write(List.of(enriched("a1", 1)))).isEqualTo(new WriteResult(1, 0));
    assertThat(store().write(List.of(enriched("a1", 1)))).isEqualTo(new WriteResult(1, 0));

    assertRowCounts("a1", 4, 3, 2);
    assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(1);
  }

  @Test
  void shouldReplaceArticleAndChildrenWithNewerVersion() throws SQLException {
    store().write(List.of(enriched("a1", 1)));

    WriteResult result = store().write(List.of(smaller("a1", 2)));

    assertThat(result).isEqualTo(new WriteResult(1, 0));
    assertRowCounts("a1", 1, 1, 0);
    assertThat(store().find("a1")).contains(smaller("a1", 2));
  }

  @Test
  void shouldReplaceWithTheSameVersionAgain() throws SQLException {
    store().write(List.of(enriched("a1", 3)));

    WriteResult result = store().write(List.of(smaller("a1", 3)));

    assertThat(result).isEqualTo(new WriteResult(1, 0));
    assertRowCounts("a1", 1, 1, 0);
  }

  @Test
  void shouldNeverOverwriteNewerVersionWithOlder() throws SQLException {
    store().write(List.of(smaller("a1", 2)));

    WriteResult result = store().write(List.of(enriched("a1", 1), enriched("b1", 1)));

    assertThat(result).isEqualTo(new WriteResult(1, 1));
    assertRowCounts("a1", 1, 1, 0);
    assertThat(store().find("a1").orElseThrow().enrichment().version()).isEqualTo(2);
    assertRowCounts("b1", 4, 3, 2);
  }

  /** A correction of a1 (revision 1, same id) enriched by the same model a second later. */
  private static EnrichedArticle corrected(EnrichedArticle first) {
    Article article = first.article();
    Article revision =
        new Article(
                article.id(),
                article.source(),
                article.url(),
                article.title(),
                article.body() + " A correction followed.",
                article.published(),
                article.ingestedAt(),
                article.language())
            .withRevision(1);
    Enrichment enrichment = first.enrichment();
    return new EnrichedArticle(
        revision,
        first.entities(),
        first.canonicalEntities(),
        first.dates(),
        new Enrichment(
            enrichment.version(), enrichment.models(), enrichment.processedAt().plusSeconds(1)));
  }

  @Test
  void shouldKeepTheNewestRevisionOfAnArticleInOneBatchOrTwo() throws SQLException {
    EnrichedArticle first = enriched("a1", 1);
    store().write(List.of(first));
    store().write(List.of(corrected(first)));
    assertThat(store().find("a1").orElseThrow().article().body())
        .endsWith("A correction followed.");

    EnrichedArticle other = enriched("b1", 1);
    store().write(List.of(other, corrected(other)));
    assertThat(store().find("b1").orElseThrow().article().body())
        .endsWith("A correction followed.");
  }

  @Test
  void shouldReadBackEverythingTheSourceAndEnrichmentGaveAnArticle() throws SQLException {
    EnrichedArticle everything = Articles.withEverything("f1", 1, 2);
    EnrichedArticle skipped =
        new EnrichedArticle(
            enriched("f2", 1).article(),
            List.of(),
            List.of(),
            List.of(),
            new Enrichment(
                1, Map.of(), Instant.parse("2017-04-12T08:00:06Z"), null, "xx", "no models for xx"),
            List.of(),
            "f1");

    store().write(List.of(everything, skipped, enriched("plain", 1)));

    assertThat(store().find("f1")).contains(everything);
    assertThat(store().find("f2")).contains(skipped);
    EnrichedArticle plain = store().find("plain").orElseThrow();
    assertThat(plain).isEqualTo(enriched("plain", 1));
    assertThat(plain.article().authors()).isEmpty();
    assertThat(string("SELECT authors FROM articles WHERE id = 'f1'"))
        .isEqualTo("[\"Åsa Ödlund\",\"J. Smith\"]");
    assertThat(count("SELECT COUNT(*) FROM articles WHERE authors IS NULL")).isEqualTo(2);
    assertThat(rows("SELECT id FROM articles WHERE duplicate_of = 'f1' ORDER BY id"))
        .containsExactly("f2");
  }

  @Test
  void shouldReplaceALowerRevisionWithAHigherOneAtTheSameVersionAndNeverTheReverse()
      throws SQLException {
    store().write(List.of(Articles.withEverything("a1", 1, 1)));
    assertThat(store().write(List.of(Articles.withEverything("a1", 1, 2))))
        .isEqualTo(new WriteResult(1, 0));
    assertThat(store().find("a1").orElseThrow().article().revision()).isEqualTo(2);

    // A replay of the first version or an earlier correction, even processed later, is stale.
    assertThat(store().write(List.of(enriched("a1", 1), Articles.withEverything("a1", 1, 1))))
        .isEqualTo(new WriteResult(0, 2));
    assertThat(store().find("a1")).contains(Articles.withEverything("a1", 1, 2));
    assertThat(count("SELECT COUNT(*) FROM articles WHERE revision = 2")).isEqualTo(1);

    // The same revision again is a replay and leaves one copy; a newer version wins whatever its
    // revision, since it is a reprocessing of what the raw topic holds now.
    assertThat(store().write(List.of(Articles.withEverything("a1", 1, 2))))
        .isEqualTo(new WriteResult(1, 0));
    assertThat(store().write(List.of(smaller("a1", 2)))).isEqualTo(new WriteResult(1, 0));
    assertThat(store().find("a1")).contains(smaller("a1", 2));
    assertRowCounts("a1", 1, 1, 0);
  }

  @Test
  void shouldKeepTheHighestRevisionOfOneVersionInABatchWhateverItsPlace() {
    List<EnrichedArticle> batch =
        List.of(
            Articles.withEverything("a1", 1, 3),
            Articles.withEverything("a1", 1, 1),
            enriched("a1", 1),
            Articles.withEverything("b1", 1, 1),
            Articles.withEverything("b1", 1, 2));

    assertThat(store().write(batch)).isEqualTo(new WriteResult(2, 3));
    assertThat(store().find("a1").orElseThrow().article().revision()).isEqualTo(3);
    assertThat(store().find("b1").orElseThrow().article().revision()).isEqualTo(2);
  }

  @Test
  void shouldResolveSeveralVersionsInOneBatchToTheHighest() throws SQLException {
    List<EnrichedArticle> batch =
        List.of(
            enriched("a1", 1),
            smaller("a1", 3),
            enriched("a1", 2),
            smaller("a1", 3),
            enriched("b1", 1),
            enriched("b1", 1));

    WriteResult result = store().write(batch);

    assertThat(result).isEqualTo(new WriteResult(4, 2));
    assertThat(store().find("a1")).contains(smaller("a1", 3));
    assertRowCounts("a1", 1, 1, 0);
    assertRowCounts("b1", 4, 3, 2);
    assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(2);
  }

  @Test
  void shouldKeepTheNewestVersionWhenTwoWritersRace() throws Exception {
    // The version check is part of the upsert, so it holds even when an old enrichment's write
    // interleaves with a new one's (two sinks during a rebalance, say).
    List<EnrichedArticle> newer = new ArrayList<>();
    List<EnrichedArticle> older = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      newer.add(smaller("r" + i, 2));
      older.add(enriched("r" + i, 1));
    }
    store();
    try (ArticleStore first = ArticleStore.open(jdbcUrl());
        ArticleStore second = ArticleStore.open(jdbcUrl())) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Void> a = pool.submit(() -> writeEach(first, newer));
        Future<Void> b = pool.submit(() -> writeEach(second, older));
        a.get();
        b.get();
      } finally {
        pool.shutdown();
      }
    }

    assertThat(count("SELECT COUNT(*) FROM articles WHERE enrichment_version = 2")).isEqualTo(40);
    assertThat(count("SELECT COUNT(*) FROM entities")).isEqualTo(40);
    assertThat(count("SELECT COUNT(*) FROM dates")).isZero();
  }

  private static Void writeEach(ArticleStore store, List<EnrichedArticle> records) {
    for (EnrichedArticle record : records) {
      store.write(List.of(record));
    }
    return null;
  }

  @Test
  void shouldKeepLaterRecordOfEqualVersionsInOneBatch() {
    store().write(List.of(enriched("a1", 1), smaller("a1", 1)));

    assertThat(store().find("a1")).contains(smaller("a1", 1));
  }

  @Test
  void shouldRoundTripUnicodeTextAndOffsets() {
    // Offsets are UTF-16 units: the emoji before "Zürich" counts two, so a driver or column type
    // that counted code points or bytes would break substring(start, end).
    String body = "Grüße aus 😀 Zürich: 習近平 trifft Åsa Ödlund am Montag. \u00e9t\u00e9 \u2014 fin.";
    Entity city = span(body, "Zürich", EntityType.LOCATION, "Zürich");
    Entity xi = span(body, "習近平", EntityType.PERSON, "習近平");
    Entity asa = span(body, "Åsa Ödlund", EntityType.PERSON, "Åsa Ödlund");
    int monday = body.indexOf("Montag");
    EnrichedArticle original =
        new EnrichedArticle(
            new Article(
                "u1",
                "tëst",
                null,
                "Über «Zürich» — 習近平",
                body,
                "2024-02-29",
                Instant.parse("2024-02-29T23:59:59.999Z"),
                "de"),
            List.of(city, xi, asa),
            List.of(new CanonicalEntity("Zürich", EntityType.LOCATION, 1, city.start(), "CH")),
            List.of(
                new TemporalExpression("Montag", monday, monday + 6, TimexType.DATE, "2024-03-04")),
            Articles.enrichment(1));

    store().write(List.of(original));

    EnrichedArticle stored = store().find("u1").orElseThrow();
    assertThat(stored).isEqualTo(original);
    for (Entity entity : stored.entities()) {
      assertThat(stored.article().body().substring(entity.start(), entity.end()))
          .isEqualTo(entity.text());
    }
  }

  @Test
  void shouldStorePublicationDateForQueriesAndKeepUnparseableTextAsGiven() throws SQLException {
    EnrichedArticle odd = enriched("odd", 1);
    EnrichedArticle unparseable =
        new EnrichedArticle(
            new Article("odd", "test", null, null, "body", "last Tuesday", null, null),
            odd.entities(),
            odd.canonicalEntities(),
            odd.dates(),
            odd.enrichment());

    store().write(List.of(enriched("a1", 1), unparseable));

    assertThat(string("SELECT published FROM articles WHERE id = 'a1'"))
        .isEqualTo("2017-04-12T09:30:00+02:00");
    assertThat(string("SELECT CAST(published_date AS TEXT) FROM articles WHERE id = 'a1'"))
        .isEqualTo("2017-04-12");
    assertThat(count("SELECT COUNT(*) FROM articles WHERE published_date IS NULL")).isEqualTo(1);
    assertThat(store().find("odd").orElseThrow().article().published()).isEqualTo("last Tuesday");
    assertThat(LocalDate.parse(string("SELECT CAST(MAX(published_date) AS TEXT) FROM articles")))
        .isEqualTo(LocalDate.of(2017, 4, 12));
  }

  @Test
  void shouldRepeatThePublicationDateInEachEntityAndDateRowAndFollowTheArticleOnReplace()
      throws SQLException {
    store().write(List.of(enriched("a1", 1), republished(enriched("b1", 1), "not a date")));
    assertThat(publishedIn("canonical_entities", "a1"))
        .containsExactly("2017-04-12", "2017-04-12", "2017-04-12");
    assertThat(publishedIn("dates", "a1")).containsExactly("2017-04-12", "2017-04-12");
    assertThat(publishedIn("canonical_entities", "b1")).containsExactly("-", "-", "-");
    assertThat(publishedIn("dates", "b1")).containsExactly("-", "-");

    EnrichedArticle v2 = enriched("a1", 2);
    store()
        .write(
            List.of(
                republished(
                    new EnrichedArticle(
                        v2.article(),
                        v2.entities(),
                        v2.canonicalEntities().subList(0, 1),
                        v2.dates().subList(0, 1),
                        v2.enrichment()),
                    "2018-01-31")));
    assertThat(publishedIn("canonical_entities", "a1")).containsExactly("2018-01-31");
    assertThat(publishedIn("dates", "a1")).containsExactly("2018-01-31");

    // An older version changes nothing, the repeated dates included.
    store().write(List.of(republished(enriched("a1", 1), "2019-06-01")));
    assertThat(publishedIn("canonical_entities", "a1")).containsExactly("2018-01-31");
    for (String table : List.of("canonical_entities", "dates")) {
      assertThat(
              count(
                  "SELECT COUNT(*) FROM "
                      + table
                      + " c JOIN articles a ON a.id = c.article_id"
                      + " WHERE c.published_date = a.published_date"
                      + " OR (c.published_date IS NULL AND a.published_date IS NULL)"))
          .as("rows of %s with their article's date", table)
          .isEqualTo(count("SELECT COUNT(*) FROM " + table));
    }
  }

  private static EnrichedArticle republished(EnrichedArticle record, String published) {
    Article a = record.article();
    return new EnrichedArticle(
        new Article(
            a.id(),
            a.source(),
            a.url(),
            a.title(),
            a.body(),
            published,
            a.ingestedAt(),
            a.language()),
        record.entities(),
        record.canonicalEntities(),
        record.dates(),
        record.enrichment());
  }

  private List<String> publishedIn(String table, String articleId) throws SQLException {
    return rows(
        "SELECT COALESCE(CAST(published_date AS TEXT), '-') FROM "
            + table
            + " WHERE article_id = '"
            + articleId
            + "' ORDER BY ordinal");
  }

  @Test
  void shouldDeleteChildRowsWithTheirArticle() throws SQLException {
    store().write(List.of(enriched("a1", 1), enriched("b1", 1)));

    try (Connection connection = DriverManager.getConnection(jdbcUrl(), props());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM articles WHERE id = 'a1'");
    }

    assertRowCounts("a1", 0, 0, 0);
    assertRowCounts("b1", 4, 3, 2);
  }

  @Test
  void shouldStoreSentenceSpansAndReplaceThemWithANewerVersion() throws SQLException {
    EnrichedArticle original = Articles.withSentences("s1", 1);
    store().write(List.of(original, enriched("b1", 1)));

    assertThat(
            rows(
                "SELECT s.ordinal || '|' || SUBSTR(a.body, s.start_offset + 1,"
                    + " s.end_offset - s.start_offset) FROM sentences s"
                    + " JOIN articles a ON a.id = s.article_id WHERE s.article_id = 's1'"
                    + " ORDER BY s.ordinal"))
        .containsExactly(
            "0|Angela Merkel met Emmanuel Macron in Berlin on Tuesday.",
            "1|Merkel said talks continue next week.");
    assertThat(countFor("sentences", "b1")).isZero();

    EnrichedArticle newer = Articles.withSentences("s1", 2);
    store()
        .write(
            List.of(
                new EnrichedArticle(
                    newer.article(),
                    newer.entities(),
                    newer.canonicalEntities(),
                    newer.dates(),
                    newer.enrichment(),
                    newer.sentences().subList(1, 2))));

    assertThat(
            rows(
                "SELECT ordinal || '|' || start_offset || '|' || end_offset FROM sentences"
                    + " WHERE article_id = 's1'"))
        .containsExactly("0|" + newer.sentences().get(1).start() + "|" + Articles.BODY.length());

    store().write(List.of(smaller("s1", 3)));
    assertThat(countFor("sentences", "s1")).isZero();
  }

  @Test
  void shouldReadSentenceSpansBackInOrderWithoutTheirTokens() {
    EnrichedArticle original = Articles.withSentences("s1", 1);
    assertThat(original.sentences().get(0).tokens()).isNotEmpty();
    store().write(List.of(original, enriched("b1", 1)));

    EnrichedArticle stored = store().find("s1").orElseThrow();

    assertThat(stored)
        .isEqualTo(
            new EnrichedArticle(
                original.article(),
                original.entities(),
                original.canonicalEntities(),
                original.dates(),
                original.enrichment(),
                List.of(original.sentences().get(0).withoutTokens(), original.sentences().get(1))));
    assertThat(store().find("b1")).contains(enriched("b1", 1));
  }

  @Test
  void shouldDeleteSentencesWithTheirArticle() throws SQLException {
    store().write(List.of(Articles.withSentences("a1", 1), Articles.withSentences("b1", 1)));

    try (Connection connection = DriverManager.getConnection(jdbcUrl(), props());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM articles WHERE id = 'a1'");
    }

    assertThat(countFor("sentences", "a1")).isZero();
    assertThat(countFor("sentences", "b1")).isEqualTo(2);
  }

  @Test
  void shouldWriteTheFirstAndLastDayOfEachDateSoARangeQueryFindsAWeek() throws SQLException {
    store().write(List.of(enriched("a1", 1)));

    // 2017-W16 is Monday 2017-04-17 to Sunday 2017-04-23: a range that touches only its Sunday
    // still finds it, one that ends the day before does not.
    assertThat(
            count(
                "SELECT COUNT(*) FROM dates WHERE value = '2017-W16'"
                    + " AND begin_date <= '2017-04-30' AND end_date >= '2017-04-23'"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM dates WHERE value = '2017-W16'"
                    + " AND begin_date <= '2017-04-16' AND end_date >= '2017-04-01'"))
        .isZero();
  }

  @Test
  void shouldFindEntitiesByCanonicalNameAndDatesByValue() throws SQLException {
    store().write(List.of(enriched("a1", 1), enriched("b1", 1)));

    assertThat(
            count(
                "SELECT COUNT(*) FROM entities WHERE canonical = 'Angela Merkel'"
                    + " AND type = 'PERSON'"))
        .isEqualTo(4);
    assertThat(count("SELECT COUNT(DISTINCT article_id) FROM dates WHERE value = '2017-W16'"))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT COUNT(*) FROM canonical_entities WHERE country_code = 'DE' AND mentions ="
                    + " 1"))
        .isEqualTo(2);
  }

  @Test
  void shouldReturnEmptyForAnUnknownArticle() {
    assertThat(store().find("nope")).isEmpty();
    assertThat(store().write(List.of())).isEqualTo(WriteResult.NONE);
  }

  private static Entity span(String body, String text, EntityType type, String canonical) {
    int start = body.indexOf(text);
    return new Entity(text, type, start, start + text.length(), canonical);
  }

  /** Connection properties for the checking connection; SQLite needs foreign keys turned on. */
  Properties props() {
    Properties properties = new Properties();
    properties.setProperty("foreign_keys", "true");
    return properties;
  }

  void assertRowCounts(String articleId, int entities, int canonical, int dates)
      throws SQLException {
    assertThat(countFor("entities", articleId)).as("entities of %s", articleId).isEqualTo(entities);
    assertThat(countFor("canonical_entities", articleId))
        .as("canonical entities of %s", articleId)
        .isEqualTo(canonical);
    assertThat(countFor("dates", articleId)).as("dates of %s", articleId).isEqualTo(dates);
  }

  private int countFor(String table, String articleId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), props());
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE article_id = ?")) {
      select.setString(1, articleId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), props());
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      while (row.next()) {
        rows.add(row.getString(1));
      }
    }
    return rows;
  }

  int count(String sql) throws SQLException {
    return Integer.parseInt(string(sql));
  }

  String string(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), props());
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }
}
