package io.wirestream.sink.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrading a store written before V4 gives each canonical entity and date its article's date. */
class EntityPublicationDateMigrationTest {

  @TempDir Path folder;

  @Test
  void upgradingAV3StoreCopiesEachArticlesPublicationDateIntoItsEntitiesAndDates()
      throws SQLException {
    List<Migration> v3 = Migration.all(Dialect.SQLITE).subList(0, 3);
    try (Connection connection = Dialect.SQLITE.connect("jdbc:sqlite:" + folder.resolve("v3.db"))) {
      connection.setAutoCommit(false);
      new SchemaMigrator(Dialect.SQLITE, v3).migrate(connection);
      try (Statement sql = connection.createStatement()) {
        sql.execute(
            "INSERT INTO articles (id, source, body, published, published_date,"
                + " enrichment_version, models) VALUES"
                + " ('a1', 'test', 'body', '1987-03-02', '1987-03-02', 1, '{}'),"
                + " ('a2', 'test', 'body', 'last Tuesday', NULL, 1, '{}')");
        sql.execute(
            "INSERT INTO canonical_entities (article_id, ordinal, name, type, mentions,"
                + " first_offset, country_code) VALUES"
                + " ('a1', 0, 'Bonn', 'LOCATION', 1, 0, 'DE'),"
                + " ('a1', 1, 'Helmut Kohl', 'PERSON', 2, 5, NULL),"
                + " ('a2', 0, 'Bonn', 'LOCATION', 1, 0, 'DE')");
        sql.execute(
            "INSERT INTO dates (article_id, ordinal, text, type, value, start_offset, end_offset)"
                + " VALUES ('a1', 0, 'last week', 'DATE', '1987-W09', 0, 9),"
                + " ('a2', 0, 'now', 'DATE', 'PRESENT_REF', 0, 3)");
      }
      connection.commit();

      // Up to V4 only: later migrations have tests of their own.
      assertThat(
              new SchemaMigrator(Dialect.SQLITE, Migration.all(Dialect.SQLITE).subList(0, 4))
                  .migrate(connection))
          .isEqualTo(1);

      assertThat(
              rows(
                  connection,
                  "SELECT article_id || '|' || name || '|' || COALESCE(published_date, '-')"
                      + " FROM canonical_entities ORDER BY article_id, ordinal"))
          .containsExactly("a1|Bonn|1987-03-02", "a1|Helmut Kohl|1987-03-02", "a2|Bonn|-");
      assertThat(
              rows(
                  connection,
                  "SELECT article_id || '|' || value || '|' || COALESCE(published_date, '-')"
                      + " FROM dates ORDER BY article_id, ordinal"))
          .containsExactly("a1|1987-W09|1987-03-02", "a2|PRESENT_REF|-");
      assertThat(
              rows(
                  connection,
                  "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'dates_by_published'"))
          .hasSize(1);
      assertThat(
              rows(
                  connection,
                  "SELECT name FROM sqlite_master WHERE type = 'index'"
                      + " AND tbl_name = 'canonical_entities' AND sql IS NOT NULL ORDER BY name"))
          .containsExactly(
              "canonical_entities_by_country",
              "canonical_entities_by_name",
              "canonical_entities_by_published",
              "canonical_entities_by_type");
    }
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
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
