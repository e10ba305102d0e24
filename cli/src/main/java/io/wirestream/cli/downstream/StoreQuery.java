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
import java.util.stream.Collectors;

/**
 * The questions {@code wirestream query} asks of a store, as one SQL text on SQLite and PostgreSQL.
 *
 * <p>Every answer is "the newest articles such that", so each query reads an index in publication
 * order and stops at the LIMIT. With an entity criterion (name, type or country) that index is one
 * of {@code canonical_entities}, which repeats each article's publication date (migration V4):
 * reading the articles first would mean reading the date of every article naming a popular entity
 * before keeping the newest few. With only a publication range, it is {@code articles
 * (published_date)}.
 *
 * <p>A mentioned-date range matches a temporal value whose [begin_date, end_date] overlaps it.
 * Alone, it walks {@code dates}, which repeats the publication date too; next to an entity
 * criterion, it is checked per candidate article through {@code dates}' primary key.
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
      int limit) {

    boolean namesAnEntity() {
      return entity != null || type != null || country != null;
    }

    boolean mentionsDates() {
      return mentionsFrom != null || mentionsTo != null;
    }
  }

  /** A result: column names and rows of text (null stays null). */
  public record Table(List<String> columns, List<List<String>> rows) {}

  private static final String ARTICLE_COLUMNS =
      "a.id, a.published_date, a.source, a.language, a.title";

  /**
   * What else the store keeps of where an article came from and what enrichment made of it
   * (migration V5), for output that names each field: a row has most of them empty.
   */
  public static final List<String> DETAIL_COLUMNS =
      List.of(
          "url",
          "source_id",
          "final_url",
          "canonical_url",
          "authors",
          "dateline",
          "summary",
          "page_problem",
          "revision",
          "detected_language",
          "skipped_reason",
          "duplicate_of");

  private final Dialect dialect;
  private final String columns;

  public StoreQuery(Dialect dialect) {
    this(dialect, false);
  }

  /**
   * @param details whether article rows carry the {@link #DETAIL_COLUMNS} after the usual ones
   */
  public StoreQuery(Dialect dialect, boolean details) {
    this.dialect = dialect;
    this.columns =
        details
            ? ARTICLE_COLUMNS
                + DETAIL_COLUMNS.stream().map(c -> ", a." + c).collect(Collectors.joining())
            : ARTICLE_COLUMNS;
  }

  /** Articles matching every criterion, newest publication first, then by id. */
  public Table articles(Connection connection, Criteria c) throws SQLException {
    if (c.namesAnEntity()) {
      return byEntity(connection, c);
    }
    return c.mentionsDates() ? byDates(connection, c) : byArticle(connection, c);
  }

  /**
   * The newest (date, article) pairs among the entity's index entries, then their articles. An
   * article can hold several matching entities (two places of one country), hence the DISTINCT; the
   * index yields the pairs in order, so it stays a streaming step.
   */
  private Table byEntity(Connection connection, Criteria c) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + columns
                + " FROM (SELECT DISTINCT c.published_date, c.article_id"
                + " FROM canonical_entities c"
                + sqliteIndexHint(c)
                + " WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    entityConditions(c, sql, parameters, "c.");
    publishedConditions(c, sql, parameters, "c.");
    mentionCondition(c, sql, parameters, "c.article_id");
    sql.append(
        " ORDER BY c.published_date DESC, c.article_id LIMIT ?) m"
            + " JOIN articles a ON a.id = m.article_id"
            + " ORDER BY m.published_date DESC, m.article_id");
    parameters.add(c.limit());
    return run(connection, sql.toString(), parameters);
  }

  /**
   * SQLite costs a plan by the rows it would read without the LIMIT, so for a name in a large share
   * of the articles it prefers a skip-scan of {@code canonical_entities_by_published} (one seek per
   * day, seconds) to the name index, from which the LIMIT needs only its first entries. It is
   * named; PostgreSQL weighs the LIMIT and needs no hint.
   */
  private String sqliteIndexHint(Criteria c) {
    if (dialect != Dialect.SQLITE) {
      return "";
    }
    String index =
        c.entity() != null
            ? "canonical_entities_by_name"
            : c.country() != null ? "canonical_entities_by_country" : "canonical_entities_by_type";
    return " INDEXED BY " + index;
  }

  /**
   * The newest (date, article) pairs among the dates that overlap the range, tested inside {@code
   * dates_by_published} as it is walked newest first.
   */
  private Table byDates(Connection connection, Criteria c) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + columns
                + " FROM (SELECT DISTINCT d.published_date, d.article_id FROM dates d WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    publishedConditions(c, sql, parameters, "d.");
    overlapConditions(c, sql, parameters);
    sql.append(
        " ORDER BY d.published_date DESC, d.article_id LIMIT ?) m"
            + " JOIN articles a ON a.id = m.article_id"
            + " ORDER BY m.published_date DESC, m.article_id");
    parameters.add(c.limit());
    return run(connection, sql.toString(), parameters);
  }

  private Table byArticle(Connection connection, Criteria c) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + columns + " FROM articles a WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    publishedConditions(c, sql, parameters, "a.");
    mentionCondition(c, sql, parameters, "a.id");
    sql.append(" ORDER BY a.published_date DESC, a.id LIMIT ?");
    parameters.add(c.limit());
    return run(connection, sql.toString(), parameters);
  }

  /**
   * The entities named in most articles published in the period (and of the type or country, if
   * given), with how many articles and mentions. The period is read from {@code
   * canonical_entities_by_published}, which holds every column the count needs.
   */
  public Table topEntities(Connection connection, Criteria c) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT c.name, c.type, COUNT(*) AS articles, SUM(c.mentions) AS mentions"
                + " FROM canonical_entities c WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    entityConditions(c, sql, parameters, "c.");
    publishedConditions(c, sql, parameters, "c.");
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

  private static void mentionCondition(
      Criteria c, StringBuilder sql, List<Object> parameters, String articleId) {
    if (!c.mentionsDates()) {
      return;
    }
    sql.append(" AND EXISTS (SELECT 1 FROM dates d WHERE d.article_id = ").append(articleId);
    overlapConditions(c, sql, parameters);
    sql.append(")");
  }

  private static void overlapConditions(Criteria c, StringBuilder sql, List<Object> parameters) {
    sql.append(" AND d.begin_date IS NOT NULL");
    if (c.mentionsTo() != null) {
      sql.append(" AND d.begin_date <= ?");
      parameters.add(c.mentionsTo());
    }
    if (c.mentionsFrom() != null) {
      sql.append(" AND d.end_date >= ?");
      parameters.add(c.mentionsFrom());
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
