package io.wirestream.sink.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.Sentence;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import io.wirestream.common.serde.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an article and its child rows back into the record the sink consumed. Sentences come back
 * without their tokens, which the store does not keep (migration V3); a row written before V5 has
 * none of the fields V5 added, and reads back as a record of a producer that did not write them.
 */
final class ArticleReader {

  private static final TypeReference<Map<String, String>> MODELS = new TypeReference<>() {};
  private static final TypeReference<List<String>> AUTHORS = new TypeReference<>() {};

  private final Dialect dialect;

  ArticleReader(Dialect dialect) {
    this.dialect = dialect;
  }

  Optional<EnrichedArticle> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT * FROM articles WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        Article article =
            new Article(
                row.getString("id"),
                row.getString("source"),
                row.getString("url"),
                row.getString("title"),
                row.getString("body"),
                row.getString("published"),
                dialect.readTimestamp(row, "ingested_at"),
                row.getString("language"),
                intOrNull(row, "revision"),
                row.getString("source_id"),
                row.getString("final_url"),
                row.getString("canonical_url"),
                authors(row.getString("authors")),
                row.getString("summary"),
                row.getString("dateline"),
                row.getString("page_problem"));
        Enrichment enrichment =
            new Enrichment(
                row.getInt("enrichment_version"),
                models(row.getString("models")),
                dialect.readTimestamp(row, "processed_at"),
                intOrNull(row, "analysed_chars"),
                row.getString("detected_language"),
                row.getString("skipped_reason"));
        return Optional.of(
            new EnrichedArticle(
                article,
                entities(connection, id),
                canonicalEntities(connection, id),
                dates(connection, id),
                enrichment,
                sentences(connection, id),
                row.getString("duplicate_of")));
      }
    }
  }

  private static Integer intOrNull(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }

  /** Authors from their JSON array; none when the column is NULL (rows written before V5). */
  private static List<String> authors(String json) throws SQLException {
    if (json == null) {
      return List.of();
    }
    try {
      return Json.MAPPER.readValue(json, AUTHORS);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable authors column: " + json, e);
    }
  }

  private static Map<String, String> models(String json) throws SQLException {
    try {
      return Json.MAPPER.readValue(json, MODELS);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable models column: " + json, e);
    }
  }

  private static List<Entity> entities(Connection connection, String id) throws SQLException {
    return children(
        connection,
        "entities",
        id,
        row ->
            new Entity(
                row.getString("text"),
                EntityType.valueOf(row.getString("type")),
                row.getInt("start_offset"),
                row.getInt("end_offset"),
                row.getString("canonical")));
  }

  private static List<CanonicalEntity> canonicalEntities(Connection connection, String id)
      throws SQLException {
    return children(
        connection,
        "canonical_entities",
        id,
        row ->
            new CanonicalEntity(
                row.getString("name"),
                EntityType.valueOf(row.getString("type")),
                row.getInt("mentions"),
                row.getInt("first_offset"),
                row.getString("country_code")));
  }

  private static List<TemporalExpression> dates(Connection connection, String id)
      throws SQLException {
    return children(
        connection,
        "dates",
        id,
        row ->
            new TemporalExpression(
                row.getString("text"),
                row.getInt("start_offset"),
                row.getInt("end_offset"),
                TimexType.valueOf(row.getString("type")),
                row.getString("value")));
  }

  private static List<Sentence> sentences(Connection connection, String id) throws SQLException {
    return children(
        connection,
        "sentences",
        id,
        row -> new Sentence(row.getInt("start_offset"), row.getInt("end_offset")));
  }

  private interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** The rows of a child table in their original order. */
  private static <T> List<T> children(
      Connection connection, String table, String id, RowMapper<T> mapper) throws SQLException {
    List<T> items = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT * FROM " + table + " WHERE article_id = ? ORDER BY ordinal")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          items.add(mapper.map(row));
        }
      }
    }
    return items;
  }
}
