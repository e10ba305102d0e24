package io.wirestream.sink.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a PostgreSQL store written at V3 gives each canonical entity and date its article's
 * publication date as a DATE, in a schema of its own that is dropped afterwards. Skips without a
 * server unless {@code WIRESTREAM_REQUIRE_POSTGRES=true}.
 */
class PostgresEntityPublicationDateMigrationIT {

  private static final String SERVER =
      System.getenv()
          .getOrDefault(
              "WIRESTREAM_TEST_POSTGRES_URL",
              "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  @Test
  void upgradingAV3StoreCopiesEachArticlesPublicationDateIntoItsEntitiesAndDates()
      throws SQLException {
    String schema =
        "wirestream_mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(SERVER);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("WIRESTREAM_REQUIRE_POSTGRES"))) {
        fail("PostgreSQL is unreachable at " + SERVER + ": " + e.getMessage());
      }
      Assumptions.assumeTrue(false, "PostgreSQL is unreachable at " + SERVER);
    }
    try (Connection connection = Dialect.POSTGRESQL.connect(SERVER + "&currentSchema=" + schema)) {
      connection.setAutoCommit(false);
      new SchemaMigrator(Dialect.POSTGRESQL, Migration.all(Dialect.POSTGRESQL).subList(0, 3))
          .migrate(connection);
      try (Statement sql = connection.createStatement()) {
        sql.execute(
            "INSERT INTO articles (id, source, body, published, published_date,"
                + " enrichment_version, models) VALUES"
                + " ('a1', 'test', 'body', '1987-03-02', DATE '1987-03-02', 1, '{}'),"
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
              new SchemaMigrator(
                      Dialect.POSTGRESQL, Migration.all(Dialect.POSTGRESQL).subList(0, 4))
                  .migrate(connection))
          .isEqualTo(1);

      List<String> rows = new ArrayList<>();
      try (Statement sql = connection.createStatement();
          ResultSet row =
              sql.executeQuery(
                  "SELECT article_id, name, published_date, pg_typeof(published_date)::text"
                      + " FROM canonical_entities ORDER BY article_id, ordinal")) {
        while (row.next()) {
          rows.add(
              row.getString(1)
                  + "|"
                  + row.getString(2)
                  + "|"
                  + row.getString(3)
                  + "|"
                  + row.getString(4));
        }
      }
      try (Statement sql = connection.createStatement();
          ResultSet row =
              sql.executeQuery(
                  "SELECT article_id || '|' || value || '|' || COALESCE(published_date::text, '-')"
                      + " FROM dates ORDER BY article_id, ordinal")) {
        while (row.next()) {
          rows.add(row.getString(1));
        }
      }
      connection.commit();
      assertThat(rows)
          .containsExactly(
              "a1|Bonn|1987-03-02|date",
              "a1|Helmut Kohl|1987-03-02|date",
              "a2|Bonn|null|date",
              "a1|1987-W09|1987-03-02",
              "a2|PRESENT_REF|-");
    } finally {
      try (Connection admin = DriverManager.getConnection(SERVER);
          Statement statement = admin.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
