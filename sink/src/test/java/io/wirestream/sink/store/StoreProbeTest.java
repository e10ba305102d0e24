package io.wirestream.sink.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreProbeTest {

  @TempDir Path dir;

  @Test
  void shouldFindAMigratedStoreReachable() {
    String url = "jdbc:sqlite:" + dir.resolve("ws.db");
    ArticleStore.open(url).close();

    assertThat(new StoreProbe(url).problem()).isEmpty();
  }

  @Test
  void shouldReportAMissingFileWithoutCreatingIt() {
    Path file = dir.resolve("gone.db");

    assertThat(new StoreProbe("jdbc:sqlite:" + file).problem())
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("store unreachable: "));
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void shouldReportADatabaseWithoutTheArticlesTable() throws Exception {
    Path file = dir.resolve("empty.db");
    String url = "jdbc:sqlite:" + file;
    try (var connection = java.sql.DriverManager.getConnection(url);
        var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE other (x INTEGER)");
    }

    assertThat(new StoreProbe(url).problem())
        .hasValueSatisfying(problem -> assertThat(problem).contains("articles"));
  }
}
