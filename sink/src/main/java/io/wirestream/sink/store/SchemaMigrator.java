package io.wirestream.sink.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to the latest migration. All pending migrations run in one
 * transaction, so a failure leaves the schema as it was, and re-running on an up-to-date database
 * changes nothing; {@code schema_version} records what was applied and when.
 */
final class SchemaMigrator {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

  private final Dialect dialect;
  private final List<Migration> migrations;

  SchemaMigrator(Dialect dialect) {
    this(dialect, Migration.all(dialect));
  }

  SchemaMigrator(Dialect dialect, List<Migration> migrations) {
    this.dialect = dialect;
    this.migrations = List.copyOf(migrations);
  }

  /** The version the schema is at after {@link #migrate}. */
  int latestVersion() {
    return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
  }

  /**
   * Applies every migration newer than the database's version; returns how many were applied. The
   * connection must not be in auto-commit mode.
   */
  int migrate(Connection connection) throws SQLException {
    try {
      dialect.lockForMigration(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
                + " version INTEGER PRIMARY KEY,"
                + " description TEXT NOT NULL,"
                + " applied_at TEXT NOT NULL)");
      }
      int current = currentVersion(connection);
      if (current > latestVersion()) {
        // Running old code against a newer schema could write rows the new code misreads.
        throw new IllegalStateException(
            "database schema is at version "
                + current
                + " but this build knows only up to "
                + latestVersion()
                + "; upgrade Wirestream");
      }
      int applied = 0;
      for (Migration migration : migrations) {
        if (migration.version() > current) {
          apply(connection, migration, dialect);
          applied++;
        }
      }
      connection.commit();
      return applied;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      row.next();
      return row.getInt(1);
    }
  }

  private static void apply(Connection connection, Migration migration, Dialect dialect)
      throws SQLException {
    LOG.info("applying schema migration V{}: {}", migration.version(), migration.description());
    try (Statement statement = connection.createStatement()) {
      for (String sql : migration.statements()) {
        statement.execute(sql);
      }
    }
    // Some data changes need Java (a TIMEX3 value parsed into days); they run in the same
    // transaction as the DDL so a failure leaves no half-filled column behind.
    if (migration.version() == DateRangeBackfill.MIGRATION_VERSION) {
      int filled = new DateRangeBackfill(dialect).run(connection);
      LOG.info("V{}: gave {} stored temporal values their first and last day", 2, filled);
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, migration.version());
      insert.setString(2, migration.description());
      insert.setString(3, Instant.now().toString());
      insert.executeUpdate();
    }
  }
}
