package io.wirestream.bench.query;

import java.sql.SQLException;
import java.time.LocalDate;

/** Where generated rows go: batched inserts (SQLite) or COPY (PostgreSQL). */
interface Rows extends AutoCloseable {

  void article(String id, LocalDate published, String language) throws SQLException;

  void entity(String articleId, int ordinal, String name, String type, int start)
      throws SQLException;

  /** {@code published} is the article's, repeated in the row as the sink does (also in dates). */
  void canonical(
      String articleId,
      int ordinal,
      String name,
      String type,
      int mentions,
      String country,
      LocalDate published)
      throws SQLException;

  void date(
      String articleId,
      int ordinal,
      String value,
      String type,
      LocalDate begin,
      LocalDate end,
      LocalDate published)
      throws SQLException;

  /** Makes everything so far durable; called every few thousand articles. */
  void flush() throws SQLException;

  @Override
  void close() throws SQLException;
}
