package io.wirestream.bench.faults;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a store holds, independent of row order and of when it was written: per table, the row count
 * and a hash of the sorted row hashes. Two runs over the same input that lost and doubled nothing
 * have equal fingerprints; timestamps of ingestion and processing are left out because they differ
 * from run to run.
 */
final class StoreFingerprint {

  /** Table to the columns that identify its content. */
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put(
        "articles",
        "id, source, url, title, body, published, published_date, language, enrichment_version,"
            + " models");
    TABLES.put("entities", "article_id, ordinal, text, type, start_offset, end_offset, canonical");
    TABLES.put(
        "canonical_entities",
        "article_id, ordinal, name, type, mentions, first_offset, country_code");
    TABLES.put("dates", "article_id, ordinal, text, type, value, start_offset, end_offset");
  }

  record Table(String name, long rows, String hash) {}

  private StoreFingerprint() {}

  static List<Table> of(Connection connection) throws SQLException {
    List<Table> tables = new ArrayList<>();
    for (Map.Entry<String, String> table : TABLES.entrySet()) {
      tables.add(table(connection, table.getKey(), table.getValue()));
    }
    return tables;
  }

  /** One hash over every table's hash, for a one-line comparison. */
  static String total(List<Table> tables) {
    MessageDigest digest = sha256();
    for (Table table : tables) {
      digest.update(
          (table.name() + ' ' + table.rows() + ' ' + table.hash() + '\n')
              .getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static Table table(Connection connection, String name, String columns)
      throws SQLException {
    List<String> rowHashes = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT " + columns + " FROM " + name)) {
      int width = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        MessageDigest digest = sha256();
        for (int i = 1; i <= width; i++) {
          String value = rows.getString(i);
          // Separators keep ("ab","c") and ("a","bc") apart; NUL marks SQL NULL.
          digest.update((value == null ? "\0" : value).getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0x1f);
        }
        rowHashes.add(HexFormat.of().formatHex(digest.digest()));
      }
    }
    rowHashes.sort(null);
    MessageDigest digest = sha256();
    for (String rowHash : rowHashes) {
      digest.update(rowHash.getBytes(StandardCharsets.US_ASCII));
    }
    return new Table(name, rowHashes.size(), HexFormat.of().formatHex(digest.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
