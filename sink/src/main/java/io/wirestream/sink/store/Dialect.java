package io.wirestream.sink.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * What differs between the databases the store runs on. Everything else (the upsert, the batch
 * statements, the queries) is the same SQL on both, so this enum stays short on purpose.
 */
public enum Dialect {
  SQLITE("sqlite") {
    @Override
    Connection connect(String url) throws SQLException {
      SQLiteConfig config = new SQLiteConfig();
      // WAL lets readers (a user with the sqlite3 shell, a dashboard) query while the sink writes;
      // NORMAL sync is durable across application crashes, which is what at-least-once needs.
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.enforceForeignKeys(true);
      // A second writer waits this long for the lock before SQLITE_BUSY. Transactions stay
      // DEFERRED: the driver begins the next one right after each commit, and an IMMEDIATE one
      // would hold the write lock while the sink sits idle. Each write starts with an upsert, so
      // it takes the write lock at once and never has to upgrade a read lock.
      config.setBusyTimeout(DEFAULT_BUSY_TIMEOUT_MS);
      // Parameters in the URL (jdbc:sqlite:f.db?busy_timeout=100) override these defaults; the
      // driver would let the defaults win, so they are dropped where the URL names them.
      Properties defaults = config.toProperties();
      int query = url.indexOf('?');
      if (query >= 0) {
        for (String parameter : url.substring(query + 1).split("&")) {
          defaults.remove(parameter.split("=", 2)[0].trim().toLowerCase(Locale.ROOT));
        }
      }
      return DriverManager.getConnection(url, defaults);
    }

    @Override
    void lockForMigration(Connection connection) {
      // The first DDL statement takes the database's write lock; a concurrent migration waits on
      // it (busy timeout) or fails retriably, and re-reads the version when it runs again.
    }

    @Override
    void bindTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
      statement.setString(index, value == null ? null : value.toString());
    }

    @Override
    void bindDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
      statement.setString(index, value == null ? null : value.toString());
    }

    @Override
    Instant readTimestamp(ResultSet row, String column) throws SQLException {
      String text = row.getString(column);
      return text == null ? null : Instant.parse(text);
    }

    @Override
    LocalDate readDate(ResultSet row, String column) throws SQLException {
      String text = row.getString(column);
      return text == null ? null : LocalDate.parse(text);
    }

    // SQLite primary result codes (the driver may report extended codes; the low byte is primary).
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int IOERR = 10;
    private static final int TOOBIG = 18;
    private static final int CONSTRAINT = 19;
    private static final int MISMATCH = 20;

    @Override
    StoreException.Kind classify(SQLException e) {
      return switch (e.getErrorCode() & 0xff) {
        case BUSY, LOCKED, IOERR -> StoreException.Kind.RETRIABLE;
        case TOOBIG, CONSTRAINT, MISMATCH -> StoreException.Kind.DATA;
        default -> StoreException.Kind.FATAL;
      };
    }
  },

  POSTGRESQL("postgresql") {
    @Override
    Connection connect(String url) throws SQLException {
      return DriverManager.getConnection(url, new Properties());
    }

    @Override
    void lockForMigration(Connection connection) throws SQLException {
      // Two sink instances starting at once must not both apply a migration; the lock is scoped
      // to the schema so pipelines in other schemas of the same database do not wait.
      try (var statement = connection.createStatement()) {
        statement.execute(
            "SELECT pg_advisory_xact_lock(hashtext('wirestream:' || current_schema()))");
      }
    }

    @Override
    void bindTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
      statement.setObject(index, value == null ? null : value.atOffset(ZoneOffset.UTC));
    }

    @Override
    void bindDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
      statement.setObject(index, value);
    }

    @Override
    Instant readTimestamp(ResultSet row, String column) throws SQLException {
      OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }

    @Override
    LocalDate readDate(ResultSet row, String column) throws SQLException {
      return row.getObject(column, LocalDate.class);
    }

    @Override
    StoreException.Kind classify(SQLException e) {
      String state = e.getSQLState();
      if (state == null) {
        return StoreException.Kind.FATAL;
      }
      // 08 connection exception, 40 transaction rollback (serialization failure, deadlock),
      // 53 insufficient resources (too many connections), 57P0x server shutting down or restarting.
      if (state.startsWith("08")
          || state.startsWith("40")
          || state.startsWith("53")
          || state.startsWith("57P")) {
        return StoreException.Kind.RETRIABLE;
      }
      // 22 data exception (bad encoding, value out of range), 23 integrity constraint violation,
      // 54 program limit exceeded (a value too large for an index row, too many columns).
      if (state.startsWith("22") || state.startsWith("23") || state.startsWith("54")) {
        return StoreException.Kind.DATA;
      }
      return StoreException.Kind.FATAL;
    }
  };

  static final int DEFAULT_BUSY_TIMEOUT_MS = 5_000;

  private final String name;

  Dialect(String name) {
    this.name = name;
  }

  /** The dialect of a JDBC URL. */
  public static Dialect fromUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    for (Dialect dialect : values()) {
      if (lower.startsWith("jdbc:" + dialect.name + ":")) {
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "unsupported store URL '" + url + "': use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
  }

  /** The folder of this dialect's migration scripts on the class path. */
  String migrationFolder() {
    return "/io/wirestream/sink/store/migration/" + name + "/";
  }

  abstract Connection connect(String url) throws SQLException;

  /** Serialises concurrent migrations; called first thing inside the migration transaction. */
  abstract void lockForMigration(Connection connection) throws SQLException;

  abstract void bindTimestamp(PreparedStatement statement, int index, Instant value)
      throws SQLException;

  abstract void bindDate(PreparedStatement statement, int index, LocalDate value)
      throws SQLException;

  abstract Instant readTimestamp(ResultSet row, String column) throws SQLException;

  abstract LocalDate readDate(ResultSet row, String column) throws SQLException;

  /** What one error of this database means for the batch: its error codes or SQL states. */
  abstract StoreException.Kind classify(SQLException e);
}
