package io.wirestream.bench.faults;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** Reads every article row of a store (SQLite or PostgreSQL), hashing title and body. */
public final class StoreRows {

  private StoreRows() {}

  public static Map<String, Observations.StoredRow> read(String jdbcUrl) throws SQLException {
    Map<String, Observations.StoredRow> rows = new HashMap<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        Statement query = db.createStatement()) {
      // Rows are hashed one at a time, so a 100 MB body is held only while it is hashed.
      query.setFetchSize(16);
      try (ResultSet rs =
          query.executeQuery("SELECT id, title, body, ingested_at, processed_at FROM articles")) {
        while (rs.next()) {
          String id = rs.getString(1);
          rows.put(
              id,
              new Observations.StoredRow(
                  id,
                  TextHash.of(rs.getString(2)),
                  hashBody(rs),
                  instant(rs.getString(4)),
                  instant(rs.getString(5))));
        }
      }
    }
    return rows;
  }

  private static String hashBody(ResultSet rs) throws SQLException {
    try (Reader body = rs.getCharacterStream(3)) {
      if (body == null) {
        return TextHash.ABSENT;
      }
      TextHash hash = new TextHash();
      char[] buffer = new char[1 << 16];
      int n;
      while ((n = body.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          hash.update(buffer[i]);
        }
      }
      return hash.hex();
    } catch (IOException e) {
      throw new SQLException("cannot read a body", e);
    }
  }

  /**
   * ISO-8601 text (SQLite), or PostgreSQL's {@code 2026-01-02 03:04:05.678+00}; null if neither.
   */
  static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      String iso = text.trim().replace(' ', 'T').replaceFirst("([+-]\\d\\d)$", "$1:00");
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
