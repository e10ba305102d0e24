package io.wirestream.sink.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Sorts database errors into {@link StoreException.Kind}s. */
final class SqlErrors {

  // SQLite primary result codes (the driver may report extended codes; the low byte is primary).
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_TOOBIG = 18;
  private static final int SQLITE_CONSTRAINT = 19;
  private static final int SQLITE_MISMATCH = 20;

  private SqlErrors() {}

  static StoreException.Kind classify(Dialect dialect, SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      StoreException.Kind kind = classifyOne(dialect, next);
      if (kind != StoreException.Kind.FATAL) {
        return kind;
      }
    }
    return StoreException.Kind.FATAL;
  }

  private static StoreException.Kind classifyOne(Dialect dialect, SQLException e) {
    if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
      return StoreException.Kind.RETRIABLE;
    }
    if (dialect == Dialect.SQLITE) {
      return switch (e.getErrorCode() & 0xff) {
        case SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR -> StoreException.Kind.RETRIABLE;
        case SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH -> StoreException.Kind.DATA;
        default -> StoreException.Kind.FATAL;
      };
    }
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
}
