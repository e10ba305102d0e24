package io.wirestream.sink.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The V1 store upgrade on PostgreSQL, in a schema of its own that is dropped afterwards. Skips
 * without a server unless {@code WIRESTREAM_REQUIRE_POSTGRES=true}.
 */
class PostgresV1StoreUpgradeIT extends V1StoreUpgradeContract {

  private static final String SERVER =
      System.getenv()
          .getOrDefault(
              "WIRESTREAM_TEST_POSTGRES_URL",
              "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;

  @BeforeEach
  void createSchema() {
    String name =
        "wirestream_v1up_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(SERVER);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA " + name);
      schema = name;
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("WIRESTREAM_REQUIRE_POSTGRES"))) {
        fail("PostgreSQL is unreachable at " + SERVER + ": " + e.getMessage());
      }
      Assumptions.abort("PostgreSQL is unreachable at " + SERVER + "; skipping");
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema == null) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(SERVER);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Override
  String jdbcUrl() {
    return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
