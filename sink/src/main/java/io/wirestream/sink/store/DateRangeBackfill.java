package io.wirestream.sink.store;

import io.wirestream.common.time.TimexRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fills {@code dates.begin_date/end_date} for rows written before those columns existed. The range
 * is computed in Java with the same {@link TimexRange} the writer uses, so old and new rows agree;
 * SQL alone could not parse ISO weeks portably. Rows are walked in key order in chunks so a large
 * store is not read into memory at once.
 */
final class DateRangeBackfill {

  static final int MIGRATION_VERSION = 2;

  private static final int CHUNK = 5_000;

  private final Dialect dialect;

  DateRangeBackfill(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Returns how many rows were given a range. */
  int run(Connection connection) throws SQLException {
    int filled = 0;
    String afterId = "";
    int afterOrdinal = -1;
    while (true) {
      List<Row> chunk = nextChunk(connection, afterId, afterOrdinal);
      if (chunk.isEmpty()) {
        return filled;
      }
      filled += update(connection, chunk);
      Row last = chunk.get(chunk.size() - 1);
      afterId = last.articleId;
      afterOrdinal = last.ordinal;
    }
  }

  private static List<Row> nextChunk(Connection connection, String afterId, int afterOrdinal)
      throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT article_id, ordinal, value FROM dates"
                + " WHERE article_id > ? OR (article_id = ? AND ordinal > ?)"
                + " ORDER BY article_id, ordinal LIMIT "
                + CHUNK)) {
      select.setString(1, afterId);
      select.setString(2, afterId);
      select.setInt(3, afterOrdinal);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(new Row(result.getString(1), result.getInt(2), result.getString(3)));
        }
      }
    }
    return rows;
  }

  private int update(Connection connection, List<Row> rows) throws SQLException {
    int filled = 0;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE dates SET begin_date = ?, end_date = ? WHERE article_id = ? AND ordinal = ?")) {
      for (Row row : rows) {
        Optional<TimexRange> range = TimexRange.of(row.value);
        if (range.isEmpty()) {
          continue;
        }
        dialect.bindDate(update, 1, range.get().begin());
        dialect.bindDate(update, 2, range.get().end());
        update.setString(3, row.articleId);
        update.setInt(4, row.ordinal);
        update.addBatch();
        filled++;
      }
      if (filled > 0) {
        update.executeBatch();
      }
    }
    return filled;
  }

  private record Row(String articleId, int ordinal, String value) {}
}
