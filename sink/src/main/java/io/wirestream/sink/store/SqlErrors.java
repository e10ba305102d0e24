package io.wirestream.sink.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Sorts database errors into {@link StoreException.Kind}s: a chained error decides if the first
 * does not; what a code means is the {@link Dialect}'s.
 */
final class SqlErrors {

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
    return dialect.classify(e);
  }
}
