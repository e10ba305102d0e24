package io.wirestream.bench.query;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** COPY in CSV chunks: an order of magnitude faster than batched inserts on PostgreSQL. */
final class PostgresRows implements Rows {

  private final Connection connection;
  private final CopyManager copy;
  private final StringBuilder articles = new StringBuilder();
  private final StringBuilder entities = new StringBuilder();
  private final StringBuilder canonical = new StringBuilder();
  private final StringBuilder dates = new StringBuilder();

  PostgresRows(String url) throws SQLException {
    connection = DriverManager.getConnection(url);
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET synchronous_commit = off");
    }
    copy = connection.unwrap(PGConnection.class).getCopyAPI();
  }

  @Override
  public void article(String id, LocalDate published, String language) {
    articles
        .append(id)
        .append(",bench,x,")
        .append(published)
        .append(',')
        .append(published)
        .append(',')
        .append(language)
        .append(",1,2026-01-01T00:00:00Z,{}\n");
  }

  @Override
  public void entity(String articleId, int ordinal, String name, String type, int start) {
    entities
        .append(articleId)
        .append(',')
        .append(ordinal)
        .append(',')
        .append(name)
        .append(',')
        .append(type)
        .append(',')
        .append(start)
        .append(',')
        .append(start + name.length())
        .append(',')
        .append(name)
        .append('\n');
  }

  @Override
  public void canonical(
      String articleId,
      int ordinal,
      String name,
      String type,
      int mentions,
      String country,
      LocalDate published) {
    canonical
        .append(articleId)
        .append(',')
        .append(ordinal)
        .append(',')
        .append(name)
        .append(',')
        .append(type)
        .append(',')
        .append(mentions)
        .append(",0,")
        .append(country == null ? "" : country)
        .append(',')
        .append(published)
        .append('\n');
  }

  @Override
  public void date(
      String articleId,
      int ordinal,
      String value,
      String type,
      LocalDate begin,
      LocalDate end,
      LocalDate published) {
    dates
        .append(articleId)
        .append(',')
        .append(ordinal)
        .append(',')
        .append(value)
        .append(',')
        .append(type)
        .append(',')
        .append(value)
        .append(",0,1,")
        .append(begin == null ? "" : begin.toString())
        .append(',')
        .append(end == null ? "" : end.toString())
        .append(',')
        .append(published)
        .append('\n');
  }

  @Override
  public void flush() throws SQLException {
    copy(
        "articles (id, source, body, published, published_date, language, enrichment_version,"
            + " processed_at, models)",
        articles);
    copy(
        "entities (article_id, ordinal, text, type, start_offset, end_offset, canonical)",
        entities);
    copy(
        "canonical_entities (article_id, ordinal, name, type, mentions, first_offset,"
            + " country_code, published_date)",
        canonical);
    copy(
        "dates (article_id, ordinal, text, type, value, start_offset, end_offset, begin_date,"
            + " end_date, published_date)",
        dates);
    connection.commit();
  }

  private void copy(String target, StringBuilder rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try {
      copy.copyIn("COPY " + target + " FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into " + target + " failed", e);
    }
    rows.setLength(0);
  }

  @Override
  public void close() throws SQLException {
    flush();
    connection.setAutoCommit(true);
    try (Statement analyze = connection.createStatement()) {
      analyze.execute("ANALYZE");
    }
    connection.close();
  }
}
