package io.wirestream.cli.backfill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** What a test reads back from a store. */
final class StoreQueries {

  private StoreQueries() {}

  /** Enrichment version per stored article id. */
  static Map<String, Integer> versions(String store) throws Exception {
    Map<String, Integer> versions = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(store);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, enrichment_version FROM articles")) {
      while (rows.next()) {
        versions.put(rows.getString(1), rows.getInt(2));
      }
    }
    return versions;
  }

  static long count(String store, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(store);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
