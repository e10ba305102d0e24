package io.wirestream.cli.backfill;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * The content of a store as sorted row hashes of its article tables, comparable across SQLite and
 * PostgreSQL: columns are taken by name and timestamps in either engine's spelling are rewritten as
 * ISO instants rounded to the microsecond, the precision PostgreSQL keeps.
 */
final class StoreFingerprint {

  static final List<String> TABLES = List.of("articles", "entities", "dates", "canonical_entities");

  private StoreFingerprint() {}

  /** One line per row, {@code table:sha256}, sorted. */
  static List<String> of(String jdbcUrl) throws Exception {
    List<String> hashes = new ArrayList<>();
    for (String row : rows(jdbcUrl)) {
      int colon = row.indexOf(':');
      hashes.add(row.substring(0, colon) + ":" + hash(row.substring(colon + 1)));
    }
    hashes.sort(null);
    return hashes;
  }

  /** The rows the hashes are made of, {@code table:{column=value, ...}}: to see what differs. */
  static List<String> rows(String jdbcUrl) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        Statement query = db.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rows = query.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rows.getMetaData();
          while (rows.next()) {
            lines.add(table + ":" + row(rows, meta));
          }
        }
      }
    }
    lines.sort(null);
    return lines;
  }

  private static String row(ResultSet rows, ResultSetMetaData meta) throws SQLException {
    TreeMap<String, String> columns = new TreeMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.put(
          meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT), normal(rows.getString(i)));
    }
    return columns.toString();
  }

  static String normal(String value) {
    if (value == null) {
      return "\u0000null";
    }
    Instant instant = instant(value);
    // SQLite keeps the nanoseconds written; PostgreSQL rounds them to the nearest microsecond.
    return instant == null
        ? value
        : instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
  }

  /**
   * ISO-8601 (SQLite's text) or PostgreSQL's {@code 2026-01-02 03:04:05.678+00}; null if neither.
   */
  private static Instant instant(String text) {
    if (text.length() < 19 || !Character.isDigit(text.charAt(0))) {
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

  private static String hash(String row) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(digest.digest(row.getBytes(StandardCharsets.UTF_8)));
  }
}
