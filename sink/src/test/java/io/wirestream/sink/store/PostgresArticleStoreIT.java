package io.wirestream.sink.store;

import static io.wirestream.sink.store.Articles.enriched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.fail;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL, each test in a schema of its own that is dropped
 * afterwards, so runs from several worktrees can share one server.
 *
 * <p>The server is {@code WIRESTREAM_TEST_POSTGRES_URL} or the local trust-auth default. When it is
 * unreachable the tests skip, unless {@code WIRESTREAM_REQUIRE_POSTGRES=true} (as on CI), where
 * silently skipping would hide that nothing was tested.
 */
class PostgresArticleStoreIT extends ArticleStoreContract {

  private static final String SERVER =
      System.getenv()
          .getOrDefault(
              "WIRESTREAM_TEST_POSTGRES_URL",
              "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;

  /** Why the server cannot be used, or null once a connection succeeded; checked once. */
  private static String unreachable;

  private static boolean checked;

  private static synchronized void requireServer() {
    if (!checked) {
      checked = true;
      try (Connection connection = DriverManager.getConnection(SERVER)) {
        connection.isValid(5);
      } catch (SQLException e) {
        unreachable = "PostgreSQL is unreachable at " + SERVER + ": " + e.getMessage();
      }
    }
    if (unreachable != null) {
      if ("true".equalsIgnoreCase(System.getenv("WIRESTREAM_REQUIRE_POSTGRES"))) {
        fail(unreachable + " (WIRESTREAM_REQUIRE_POSTGRES=true, so this is a failure)");
      }
      // Checked per test rather than per class so every skipped test reports the reason.
      Assumptions.abort(unreachable + "; skipping (set WIRESTREAM_REQUIRE_POSTGRES=true to fail)");
    }
  }

  @BeforeEach
  void createSchema() throws SQLException {
    requireServer();
    schema = "wirestream_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE SCHEMA " + schema);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema == null) {
      return;
    }
    closeStore();
    execute("DROP SCHEMA " + schema + " CASCADE");
  }

  @Override
  String jdbcUrl() {
    return SERVER
        + (SERVER.contains("?") ? "&" : "?")
        + "currentSchema="
        + schema
        + "&ApplicationName="
        + schema;
  }

  @Test
  void shouldUseNativeDateAndTimestampTypes() throws SQLException {
    store().write(List.of(enriched("a1", 1)));

    assertThat(
            string(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = '"
                    + schema
                    + "' AND table_name = 'articles' AND column_name = 'published_date'"))
        .isEqualTo("date");
    assertThat(
            count(
                "SELECT COUNT(*) FROM articles"
                    + " WHERE processed_at = TIMESTAMPTZ '2017-04-12 08:00:05.123456+00'"))
        .isEqualTo(1);
  }

  @Test
  void shouldReportALostConnectionAsRetriableAndReconnect() throws SQLException {
    store().write(List.of(enriched("a1", 1)));

    try (Connection admin = DriverManager.getConnection(SERVER);
        PreparedStatement kill =
            admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = ?")) {
      kill.setString(1, schema);
      kill.executeQuery().close();
    }
    StoreException lost =
        catchThrowableOfType(StoreException.class, () -> store().write(List.of(enriched("b1", 1))));

    assertThat(lost.retriable()).as("a terminated connection is retriable: %s", lost).isTrue();
    assertThat(store().write(List.of(enriched("b1", 1)))).isEqualTo(new WriteResult(1, 0));
    assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(2);
  }

  @Test
  void shouldReportTextPostgresCannotStoreAsADataErrorAndStayUsable() {
    // PostgreSQL text cannot hold NUL, which JSON can; such a record must be told apart from an
    // outage so the sink dead-letters it instead of retrying forever.
    EnrichedArticle valid = enriched("n1", 1);
    EnrichedArticle withNul =
        new EnrichedArticle(
            new Article("n1", "test", null, "nul\u0000title", "body", "2020-01-01", null, null),
            List.of(),
            List.of(),
            List.of(),
            valid.enrichment());

    StoreException rejected =
        catchThrowableOfType(StoreException.class, () -> store().write(List.of(withNul)));

    assertThat(rejected.kind()).as("%s", rejected).isEqualTo(StoreException.Kind.DATA);
    assertThat(store().write(List.of(valid))).isEqualTo(new WriteResult(1, 0));
  }

  @Override
  Properties props() {
    return new Properties();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER);
        Statement statement = connection.createStatement()) {
      statement.execute(sql.toLowerCase(Locale.ROOT));
    }
  }
}
