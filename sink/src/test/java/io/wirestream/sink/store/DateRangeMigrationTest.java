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

/** Upgrading a store written before V2 keeps its rows and gives their dates a first/last day. */
class DateRangeMigrationTest {

  @TempDir Path folder;

  @Test
  void upgradingAV1StoreKeepsEveryRowAndFillsBeginAndEndFromTheValue() throws SQLException {
    List<Migration> v1 = Migration.all(Dialect.SQLITE).subList(0, 1);
    try (Connection connection = connect()) {
      new SchemaMigrator(Dialect.SQLITE, v1).migrate(connection);
      try (Statement sql = connection.createStatement()) {
        sql.execute(
            "INSERT INTO articles (id, source, body, published, published_date,"
                + " enrichment_version, models) VALUES ('a1', 'test', 'body', '1987-03-02',"
                + " '1987-03-02', 1, '{}')");
        sql.execute(
            "INSERT INTO dates (article_id, ordinal, text, type, value, start_offset, end_offset)"
                + " VALUES ('a1', 0, 'last week', 'DATE', '1987-W09', 0, 9),"
                + " ('a1', 1, 'three days', 'DURATION', 'P3D', 10, 20),"
                + " ('a1', 2, 'the 1980s', 'DATE', '198', 21, 30),"
                + " ('a1', 3, 'now', 'DATE', 'PRESENT_REF', 31, 34),"
                + " ('a1', 4, 'the first quarter', 'DATE', '1987-Q1', 35, 52)");
      }
      connection.commit();

      int applied = new SchemaMigrator(Dialect.SQLITE).migrate(connection);

      assertThat(applied).isEqualTo(Migration.all(Dialect.SQLITE).size() - 1);
      assertThat(rows(connection, "SELECT COUNT(*) FROM articles")).containsExactly("1");
      assertThat(
              rows(
                  connection,
                  "SELECT value || '|' || COALESCE(begin_date, '-') || '|' ||"
                      + " COALESCE(end_date, '-') FROM dates ORDER BY ordinal"))
          .containsExactly(
              "1987-W09|1987-02-23|1987-03-01",
              "P3D|-|-",
              "198|1980-01-01|1989-12-31",
              "PRESENT_REF|-|-",
              "1987-Q1|1987-01-01|1987-03-31");
    }
  }

  private Connection connect() throws SQLException {
    Connection connection = Dialect.SQLITE.connect("jdbc:sqlite:" + folder.resolve("old.db"));
    connection.setAutoCommit(false);
    return connection;
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
