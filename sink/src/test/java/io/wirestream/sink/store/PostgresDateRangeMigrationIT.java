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
 * Upgrading a PostgreSQL store written at V1 keeps its rows and fills dates.begin_date/end_date, in
 * a schema of its own that is dropped afterwards. Skips without a server unless {@code
 * WIRESTREAM_REQUIRE_POSTGRES=true}.
 */
class PostgresDateRangeMigrationIT {

  private static final String SERVER =
      System.getenv()
          .getOrDefault(
              "WIRESTREAM_TEST_POSTGRES_URL",
              "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  @Test
  void upgradingAV1StoreKeepsEveryRowAndFillsBeginAndEndAsDates() throws SQLException {
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
    String url = SERVER + "&currentSchema=" + schema;
    try (Connection connection = Dialect.POSTGRESQL.connect(url)) {
      connection.setAutoCommit(false);
      List<Migration> v1 = Migration.all(Dialect.POSTGRESQL).subList(0, 1);
      new SchemaMigrator(Dialect.POSTGRESQL, v1).migrate(connection);
      try (Statement sql = connection.createStatement()) {
        sql.execute(
            "INSERT INTO articles (id, source, body, published, published_date,"
                + " enrichment_version, models) VALUES ('a1', 'test', 'body', '1987-03-02',"
                + " DATE '1987-03-02', 1, '{}')");
        sql.execute(
            "INSERT INTO dates (article_id, ordinal, text, type, value, start_offset, end_offset)"
                + " VALUES ('a1', 0, 'last week', 'DATE', '1987-W09', 0, 9),"
                + " ('a1', 1, 'three days', 'DURATION', 'P3D', 10, 20),"
                + " ('a1', 2, 'winter', 'DATE', '1994-WI', 21, 30)");
      }
      connection.commit();

      new SchemaMigrator(Dialect.POSTGRESQL).migrate(connection);

      List<String> rows = new ArrayList<>();
      try (Statement sql = connection.createStatement();
          ResultSet row =
              sql.executeQuery(
                  "SELECT value, begin_date, end_date, pg_typeof(begin_date)::text FROM dates"
                      + " ORDER BY ordinal")) {
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
      connection.commit();
      assertThat(rows)
          .containsExactly(
              "1987-W09|1987-02-23|1987-03-01|date",
              "P3D|null|null|date",
              "1994-WI|1994-12-01|1995-02-28|date");
    } finally {
      try (Connection admin = DriverManager.getConnection(SERVER);
          Statement statement = admin.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
