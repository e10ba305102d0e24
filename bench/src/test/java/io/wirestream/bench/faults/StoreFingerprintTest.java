package io.wirestream.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFingerprintTest {

  @TempDir Path dir;

  private Connection store(String name, String... inserts) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name + ".db"));
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE articles (id TEXT, source TEXT, url TEXT, title TEXT, body TEXT,"
              + " published TEXT, published_date TEXT, ingested_at TEXT, language TEXT,"
              + " enrichment_version INTEGER, processed_at TEXT, models TEXT)");
      statement.execute(
          "CREATE TABLE entities (article_id TEXT, ordinal INTEGER, text TEXT, type TEXT,"
              + " start_offset INTEGER, end_offset INTEGER, canonical TEXT)");
      statement.execute(
          "CREATE TABLE canonical_entities (article_id TEXT, ordinal INTEGER, name TEXT,"
              + " type TEXT, mentions INTEGER, first_offset INTEGER, country_code TEXT)");
      statement.execute(
          "CREATE TABLE dates (article_id TEXT, ordinal INTEGER, text TEXT, type TEXT,"
              + " value TEXT, start_offset INTEGER, end_offset INTEGER)");
      for (String insert : inserts) {
        statement.execute(insert);
      }
    }
    return connection;
  }

  private static String article(String id, String body, String ingestedAt) {
    return "INSERT INTO articles VALUES ('"
        + id
        + "', 'wire', NULL, 'T', '"
        + body
        + "', '1987-02-26T15:01:01Z', '1987-02-26', '"
        + ingestedAt
        + "', 'en', 1, '"
        + ingestedAt
        + "', 'ner')";
  }

  private static String fingerprint(Connection connection) throws SQLException {
    return StoreFingerprint.total(StoreFingerprint.of(connection));
  }

  @Test
  void shouldNotDependOnRowOrderOrOnWhenRowsWereWritten() throws Exception {
    try (Connection first = store("a", article("1", "x", "t1"), article("2", "y", "t1"));
        Connection second = store("b", article("2", "y", "t2"), article("1", "x", "t3"))) {
      assertThat(fingerprint(first)).isEqualTo(fingerprint(second));
    }
  }

  @Test
  void shouldChangeWhenARowIsMissingOrDiffers() throws Exception {
    try (Connection full = store("a", article("1", "x", "t"), article("2", "y", "t"));
        Connection missing = store("b", article("1", "x", "t"));
        Connection changed = store("c", article("1", "x", "t"), article("2", "z", "t"))) {
      assertThat(fingerprint(missing)).isNotEqualTo(fingerprint(full));
      assertThat(fingerprint(changed)).isNotEqualTo(fingerprint(full));
    }
  }

  @Test
  void shouldCountRowsPerTable() throws Exception {
    try (Connection store =
        store(
            "a",
            article("1", "x", "t"),
            "INSERT INTO entities VALUES ('1', 0, 'Reuters', 'ORG', 0, 7, 'Reuters')",
            "INSERT INTO dates VALUES ('1', 0, 'Monday', 'DATE', NULL, 8, 14)")) {
      List<StoreFingerprint.Table> tables = StoreFingerprint.of(store);
      assertThat(tables)
          .extracting(StoreFingerprint.Table::name, StoreFingerprint.Table::rows)
          .containsExactly(
              tuple("articles", 1L),
              tuple("entities", 1L),
              tuple("canonical_entities", 0L),
              tuple("dates", 1L));
    }
  }
}
