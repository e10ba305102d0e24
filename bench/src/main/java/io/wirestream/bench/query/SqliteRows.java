package io.wirestream.bench.query;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/** Batched prepared inserts in large transactions, with the sink's own column layout. */
final class SqliteRows implements Rows {

  private final Connection connection;
  private final PreparedStatement articles;
  private final PreparedStatement entities;
  private final PreparedStatement canonical;
  private final PreparedStatement dates;

  SqliteRows(String url) throws SQLException {
    connection = DriverManager.getConnection(url);
    try (Statement pragma = connection.createStatement()) {
      // Loading only: a crash mid-load means re-running the generator.
      pragma.execute("PRAGMA journal_mode = OFF");
      pragma.execute("PRAGMA synchronous = OFF");
      pragma.execute("PRAGMA cache_size = -400000");
    }
    connection.setAutoCommit(false);
    articles =
        connection.prepareStatement(
            "INSERT INTO articles (id, source, body, published, published_date, language,"
                + " enrichment_version, processed_at, models) VALUES (?, 'bench', 'x', ?, ?, ?, 1,"
                + " '2026-01-01T00:00:00Z', '{}')");
    entities =
        connection.prepareStatement(
            "INSERT INTO entities (article_id, ordinal, text, type, start_offset, end_offset,"
                + " canonical) VALUES (?, ?, ?, ?, ?, ?, ?)");
    canonical =
        connection.prepareStatement(
            "INSERT INTO canonical_entities (article_id, ordinal, name, type, mentions,"
                + " first_offset, country_code, published_date) VALUES (?, ?, ?, ?, ?, 0, ?, ?)");
    dates =
        connection.prepareStatement(
            "INSERT INTO dates (article_id, ordinal, text, type, value, start_offset, end_offset,"
                + " begin_date, end_date, published_date) VALUES (?, ?, ?, ?, ?, 0, 1, ?, ?, ?)");
  }

  @Override
  public void article(String id, LocalDate published, String language) throws SQLException {
    articles.setString(1, id);
    articles.setString(2, published.toString());
    articles.setString(3, published.toString());
    articles.setString(4, language);
    articles.addBatch();
  }

  @Override
  public void entity(String articleId, int ordinal, String name, String type, int start)
      throws SQLException {
    entities.setString(1, articleId);
    entities.setInt(2, ordinal);
    entities.setString(3, name);
    entities.setString(4, type);
    entities.setInt(5, start);
    entities.setInt(6, start + name.length());
    entities.setString(7, name);
    entities.addBatch();
  }

  @Override
  public void canonical(
      String articleId,
      int ordinal,
      String name,
      String type,
      int mentions,
      String country,
      LocalDate published)
      throws SQLException {
    canonical.setString(1, articleId);
    canonical.setInt(2, ordinal);
    canonical.setString(3, name);
    canonical.setString(4, type);
    canonical.setInt(5, mentions);
    canonical.setString(6, country);
    canonical.setString(7, published.toString());
    canonical.addBatch();
  }

  @Override
  public void date(
      String articleId,
      int ordinal,
      String value,
      String type,
      LocalDate begin,
      LocalDate end,
      LocalDate published)
      throws SQLException {
    dates.setString(1, articleId);
    dates.setInt(2, ordinal);
    dates.setString(3, value);
    dates.setString(4, type);
    dates.setString(5, value);
    dates.setString(6, begin == null ? null : begin.toString());
    dates.setString(7, end == null ? null : end.toString());
    dates.setString(8, published.toString());
    dates.addBatch();
  }

  @Override
  public void flush() throws SQLException {
    articles.executeBatch();
    entities.executeBatch();
    canonical.executeBatch();
    dates.executeBatch();
    connection.commit();
  }

  @Override
  public void close() throws SQLException {
    flush();
    try (Statement analyze = connection.createStatement()) {
      analyze.execute("ANALYZE");
    }
    connection.commit();
    connection.close();
  }
}
