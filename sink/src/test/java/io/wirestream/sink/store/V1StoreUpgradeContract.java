package io.wirestream.sink.store;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A store created and filled by the first schema, then opened by this build: every migration up to
 * the latest runs on it, nothing it held is lost, and the columns added since take new data.
 * Subclasses say which database to run on; the rows are written the way the V1 sink wrote them.
 */
abstract class V1StoreUpgradeContract {

  static final String BODY = "Helmut Kohl met voters in Bonn last week.";

  /** A JDBC URL of an empty database (or schema) for this test. */
  abstract String jdbcUrl();

  /** The article a1 as the V1 sink stored it, and as it must read back after the upgrade. */
  static EnrichedArticle storedAtV1() {
    int bonn = BODY.indexOf("Bonn");
    int week = BODY.indexOf("last week");
    return new EnrichedArticle(
        new Article(
            "a1",
            "wire",
            "https://example.org/a1",
            "Kohl in Bonn",
            BODY,
            "1987-03-02T10:00:00+01:00",
            Instant.parse("1987-03-02T09:30:00Z"),
            "en"),
        List.of(
            new Entity("Helmut Kohl", EntityType.PERSON, 0, 11, "Helmut Kohl"),
            new Entity("Bonn", EntityType.LOCATION, bonn, bonn + 4, "Bonn")),
        List.of(
            new CanonicalEntity("Helmut Kohl", EntityType.PERSON, 1, 0, null),
            new CanonicalEntity("Bonn", EntityType.LOCATION, 1, bonn, "DE")),
        List.of(new TemporalExpression("last week", week, week + 9, TimexType.DATE, "1987-W09")),
        new Enrichment(1, Map.of("ner", "en-ner-1"), Instant.parse("1987-03-02T09:31:00.5Z")));
  }

  @Test
  void upgradingAV1StoreKeepsEveryRowAndTheNewColumnsTakeNewData() throws SQLException {
    Dialect dialect = Dialect.fromUrl(jdbcUrl());
    try (Connection connection = dialect.connect(jdbcUrl())) {
      connection.setAutoCommit(false);
      new SchemaMigrator(dialect, Migration.all(dialect).subList(0, 1)).migrate(connection);
      writeAsV1(connection, dialect, storedAtV1());
      writeAsV1(connection, dialect, republished("a2", "last Tuesday"));
      connection.commit();

      int latest = new SchemaMigrator(dialect).latestVersion();
      assertThat(new SchemaMigrator(dialect).migrate(connection)).isEqualTo(latest - 1);
      assertThat(
              rows(
                  connection,
                  "SELECT article_id || '|' || value || '|' || CAST(begin_date AS TEXT) || '|'"
                      + " || CAST(published_date AS TEXT) FROM dates WHERE article_id = 'a1'"))
          .containsExactly("a1|1987-W09|1987-02-23|1987-03-02");
      assertThat(
              rows(
                  connection,
                  "SELECT COUNT(*) FROM articles WHERE source_id IS NULL AND revision IS NULL"
                      + " AND authors IS NULL AND duplicate_of IS NULL"
                      + " AND detected_language IS NULL AND skipped_reason IS NULL"))
          .containsExactly("2");
      connection.commit();
    }

    try (ArticleStore store = ArticleStore.open(jdbcUrl())) {
      assertThat(store.find("a1")).contains(storedAtV1());
      assertThat(store.find("a2")).contains(republished("a2", "last Tuesday"));

      // A correction of a1 at the same version replaces it (a V1 row has no revision: the first
      // version), and a copy of a1 names it; both read back with every new field.
      EnrichedArticle corrected = Articles.withEverything("a1", 1, 1);
      EnrichedArticle copy = Articles.withEverything("c1", 1, 0);
      copy =
          new EnrichedArticle(
              copy.article(),
              List.of(),
              List.of(),
              List.of(),
              new Enrichment(1, Map.of(), Instant.EPOCH, null, "en", "duplicate of a1"),
              List.of(),
              "a1");
      assertThat(store.write(List.of(corrected, copy))).isEqualTo(new WriteResult(2, 0));
      assertThat(store.find("a1")).contains(corrected);
      assertThat(store.find("c1")).contains(copy);
      assertThat(store.write(List.of(storedAtV1()))).isEqualTo(new WriteResult(0, 1));
      assertThat(store.find("a2")).contains(republished("a2", "last Tuesday"));
    }
    try (Connection connection = Dialect.fromUrl(jdbcUrl()).connect(jdbcUrl())) {
      assertThat(rows(connection, "SELECT id FROM articles WHERE duplicate_of = 'a1'"))
          .containsExactly("c1");
    }
  }

  private static EnrichedArticle republished(String id, String published) {
    EnrichedArticle a1 = storedAtV1();
    return new EnrichedArticle(
        a1.article().toBuilder().id(id).published(published).build(),
        a1.entities(),
        a1.canonicalEntities(),
        a1.dates(),
        a1.enrichment());
  }

  /** The statements of the V1 sink: the article row, then its mentions, entities and dates. */
  private static void writeAsV1(Connection connection, Dialect dialect, EnrichedArticle record)
      throws SQLException {
    Article a = record.article();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO articles (id, source, url, title, body, published, published_date,"
                + " ingested_at, language, enrichment_version, processed_at, models)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, a.id());
      insert.setString(2, a.source());
      insert.setString(3, a.url());
      insert.setString(4, a.title());
      insert.setString(5, a.body());
      insert.setString(6, a.published());
      LocalDate date;
      try {
        date = a.publicationDate();
      } catch (IllegalArgumentException e) {
        date = null;
      }
      dialect.bindDate(insert, 7, date);
      dialect.bindTimestamp(insert, 8, a.ingestedAt());
      insert.setString(9, a.language());
      insert.setInt(10, record.enrichment().version());
      dialect.bindTimestamp(insert, 11, record.enrichment().processedAt());
      insert.setString(12, "{\"ner\":\"en-ner-1\"}");
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO entities (article_id, ordinal, text, type, start_offset, end_offset,"
                + " canonical) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int ordinal = 0;
      for (Entity e : record.entities()) {
        insert.setString(1, a.id());
        insert.setInt(2, ordinal++);
        insert.setString(3, e.text());
        insert.setString(4, e.type().name());
        insert.setInt(5, e.start());
        insert.setInt(6, e.end());
        insert.setString(7, e.canonical());
        insert.executeUpdate();
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO canonical_entities (article_id, ordinal, name, type, mentions,"
                + " first_offset, country_code) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int ordinal = 0;
      for (CanonicalEntity e : record.canonicalEntities()) {
        insert.setString(1, a.id());
        insert.setInt(2, ordinal++);
        insert.setString(3, e.name());
        insert.setString(4, e.type().name());
        insert.setInt(5, e.mentions());
        insert.setInt(6, e.firstStart());
        insert.setString(7, e.countryCode());
        insert.executeUpdate();
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO dates (article_id, ordinal, text, type, value, start_offset, end_offset)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int ordinal = 0;
      for (TemporalExpression d : record.dates()) {
        insert.setString(1, a.id());
        insert.setInt(2, ordinal++);
        insert.setString(3, d.text());
        insert.setString(4, d.type().name());
        insert.setString(5, d.value());
        insert.setInt(6, d.start());
        insert.setInt(7, d.end());
        insert.executeUpdate();
      }
    }
  }

  static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      while (row.next()) {
        rows.add(row.getString(1));
      }
    }
    return rows;
  }
}
