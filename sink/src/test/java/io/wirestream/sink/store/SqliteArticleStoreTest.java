package io.wirestream.sink.store;

import static io.wirestream.sink.store.Articles.enriched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite in a temporary file, plus SQLite's own failure modes. */
class SqliteArticleStoreTest extends ArticleStoreContract {

  @TempDir Path folder;

  @Override
  String jdbcUrl() {
    return "jdbc:sqlite:" + folder.resolve("wirestream.db");
  }

  @Test
  void shouldUseWriteAheadLogging() throws Exception {
    store();
    assertThat(string("PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
  }

  @Test
  void shouldReportALockedDatabaseAsRetriableAndRecoverOnceReleased() throws Exception {
    store();
    try (ArticleStore impatient = ArticleStore.open(jdbcUrl() + "?busy_timeout=50")) {
      StoreException busy;
      try (Connection other = DriverManager.getConnection(jdbcUrl());
          Statement statement = other.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");
        busy =
            catchThrowableOfType(
                StoreException.class, () -> impatient.write(List.of(enriched("a1", 1))));
        statement.execute("ROLLBACK");
      }

      assertThat(busy.retriable()).as("SQLITE_BUSY is retriable: %s", busy).isTrue();
      assertThat(impatient.write(List.of(enriched("a1", 1)))).isEqualTo(new WriteResult(1, 0));
    }
  }

  @Test
  void shouldFindTheCopiesOfAnArticleThroughTheDuplicateIndex() throws Exception {
    store();
    try (Connection connection = DriverManager.getConnection(jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet plan =
            statement.executeQuery(
                "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE duplicate_of = 'a1'")) {
      StringBuilder detail = new StringBuilder();
      while (plan.next()) {
        detail.append(plan.getString("detail")).append('\n');
      }
      assertThat(detail.toString()).contains("USING INDEX articles_by_duplicate_of");
    }
  }

  @Test
  void shouldRejectAnUnknownJdbcUrl() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class, () -> ArticleStore.open("jdbc:mysql://localhost/x"));
    assertThat(e).hasMessageContaining("jdbc:sqlite:FILE");
  }
}
