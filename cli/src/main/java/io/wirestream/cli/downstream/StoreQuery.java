package io.wirestream.cli.downstream;

import io.wirestream.common.model.EntityType;
import io.wirestream.sink.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions {@code wirestream query} asks of a store, as one SQL text on SQLite and PostgreSQL.
 * Each criterion narrows the articles through an {@code IN} over an indexed child table, so the
 * planner can start from whichever side is most selective.
 *
 * <p>A mentioned-date range matches a temporal value whose [begin_date, end_date] overlaps it.
 */
public final class StoreQuery {

  /** What to look for; null fields are not constrained. */
  public record Criteria(
      String entity,
      EntityType type,
      String country,
      LocalDate publishedFrom,
      LocalDate publishedTo,
      LocalDate mentionsFrom,
      LocalDate mentionsTo,
      int limit) {}

  /** A result: column names and rows of text (null stays null). */
  public record Table(List<String> columns, List<List<String>> rows) {}

  private final Dialect dialect;

  public StoreQuery(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Articles matching every criterion, newest publication first. */
  public Table articles(Connection connection, Criteria c) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT a.id, a.published_date, a.source, a.language, a.title FROM articles a WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (c.entity() != null || c.type() != null || c.country() != null) {
      sql.append(" AND a.id IN (SELECT article_id FROM canonical_entities WHERE 1 = 1");
      entityConditions(c, sql, parameters, "");
      sql.append(")");
    }
    publishedConditions(c, sql, parameters, "a.");
    if (c.mentionsFrom() != null || c.mentionsTo() != null) {
      sql.append(" AND a.id IN (SELECT article_id FROM dates WHERE begin_date IS NOT NULL");
      if (c.mentionsTo() != null) {
        sql.append(" AND begin_date <= ?");
        parameters.add(c.mentionsTo());
      }
      if (c.mentionsFrom() != null) {
        sql.append(" AND end_date >= ?");
        parameters.add(c.mentionsFrom());
      }
      sql.append(")");
    }
    sql.append(" ORDER BY a.published_date DESC, a.id LIMIT ?");
    parameters.add(c.limit());
    return run(connection, sql.toString(), parameters);
  }

  /**
   * The entities named in most articles published in the period (and of the type or country, if
   * given), with how many articles and mentions.
   */
  public Table topEntities(Connection connection, Criteria c) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT c.name, c.type, COUNT(*) AS articles, SUM(c.mentions) AS mentions"
                + " FROM canonical_entities c JOIN articles a ON a.id = c.article_id WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    entityConditions(c, sql, parameters, "c.");
    publishedConditions(c, sql, parameters, "a.");
    sql.append(
        " GROUP BY c.name, c.type ORDER BY COUNT(*) DESC, SUM(c.mentions) DESC, c.name, c.type"
            + " LIMIT ?");
    parameters.add(c.limit());
    return run(connection, sql.toString(), parameters);
  }

  private static void entityConditions(
      Criteria c, StringBuilder sql, List<Object> parameters, String alias) {
    if (c.entity() != null) {
      sql.append(" AND ").append(alias).append("name = ?");
      parameters.add(c.entity());
    }
    if (c.type() != null) {
      sql.append(" AND ").append(alias).append("type = ?");
      parameters.add(c.type().name());
    }
    if (c.country() != null) {
      sql.append(" AND ").append(alias).append("country_code = ?");
      parameters.add(c.country());
    }
  }

  private static void publishedConditions(
      Criteria c, StringBuilder sql, List<Object> parameters, String alias) {
    if (c.publishedFrom() != null) {
      sql.append(" AND ").append(alias).append("published_date >= ?");
      parameters.add(c.publishedFrom());
    }
    if (c.publishedTo() != null) {
      sql.append(" AND ").append(alias).append("published_date <= ?");
      parameters.add(c.publishedTo());
    }
  }

  private Table run(Connection connection, String sql, List<Object> parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        Object value = parameters.get(i);
        if (value instanceof LocalDate date) {
          // SQLite keeps dates as ISO text; PostgreSQL compares them as DATE.
          if (dialect == Dialect.SQLITE) {
            statement.setString(i + 1, date.toString());
          } else {
            statement.setObject(i + 1, date);
          }
        } else {
          statement.setObject(i + 1, value);
        }
      }
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        List<List<String>> rows = new ArrayList<>();
        while (result.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns.size(); i++) {
            Object cell = result.getObject(i);
            row.add(cell == null ? null : cell.toString());
          }
          rows.add(row);
        }
        return new Table(columns, rows);
      }
    }
  }
}
