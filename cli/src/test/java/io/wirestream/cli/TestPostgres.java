package io.wirestream.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away schema in the PostgreSQL at 127.0.0.1:5432 (or {@code
 * WIRESTREAM_TEST_POSTGRES_URL}). Without a server the test skips, unless {@code
 * WIRESTREAM_REQUIRE_POSTGRES=true} (as in CI) makes that a failure.
 */
public final class TestPostgres implements AutoCloseable {

  private static final String SERVER =
      System.getenv()
          .getOrDefault(
              "WIRESTREAM_TEST_POSTGRES_URL",
              "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private final String schema =
      "wirestream_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private TestPostgres() {}

  public static TestPostgres createSchema() {
    TestPostgres postgres = new TestPostgres();
    try (Connection connection = DriverManager.getConnection(SERVER);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + postgres.schema);
    } catch (SQLException e) {
      String reason = "PostgreSQL at " + SERVER + " is not reachable: " + e.getMessage();
      if (Boolean.parseBoolean(System.getenv("WIRESTREAM_REQUIRE_POSTGRES"))) {
        fail(reason + " (WIRESTREAM_REQUIRE_POSTGRES=true)");
      }
      assumeTrue(false, "skipped: " + reason);
    }
    return postgres;
  }

  /** JDBC URL whose tables live in this test's schema. */
  public String url() {
    return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public void close() throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
