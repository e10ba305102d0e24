package io.wirestream.sink.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.Sentence;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.serde.Json;
import io.wirestream.common.time.TimexRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The statements of a batch write, run inside the caller's transaction. The SQL is the same on
 * every dialect; only timestamps and dates are bound through the {@link Dialect}.
 */
final class ArticleWriter {

  /**
   * Inserts a new article or replaces an existing one unless the stored one is newer: a higher
   * enrichment version, or the same version of a higher revision (a correction enriched before an
   * older text replayed). The check lives in the statement rather than in a prior SELECT so that it
   * holds even when two writers race on the same article.
   */
  private static final String UPSERT_ARTICLE =
      "INSERT INTO articles (id, source, url, title, body, published, published_date,"
          + " ingested_at, language, enrichment_version, processed_at, models, source_id,"
          + " final_url, canonical_url, authors, summary, dateline, page_problem, revision,"
          + " detected_language, skipped_reason, analysed_chars, duplicate_of)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET source = excluded.source, url = excluded.url,"
          + " title = excluded.title, body = excluded.body, published = excluded.published,"
          + " published_date = excluded.published_date, ingested_at = excluded.ingested_at,"
          + " language = excluded.language, enrichment_version = excluded.enrichment_version,"
          + " processed_at = excluded.processed_at, models = excluded.models,"
          + " source_id = excluded.source_id, final_url = excluded.final_url,"
          + " canonical_url = excluded.canonical_url, authors = excluded.authors,"
          + " summary = excluded.summary, dateline = excluded.dateline,"
          + " page_problem = excluded.page_problem, revision = excluded.revision,"
          + " detected_language = excluded.detected_language,"
          + " skipped_reason = excluded.skipped_reason, analysed_chars = excluded.analysed_chars,"
          + " duplicate_of = excluded.duplicate_of"
          + " WHERE articles.enrichment_version < excluded.enrichment_version"
          + " OR (articles.enrichment_version = excluded.enrichment_version"
          + " AND COALESCE(articles.revision, 0) <= COALESCE(excluded.revision, 0))";

  private static final List<String> CHILD_TABLES =
      List.of("entities", "canonical_entities", "dates", "sentences");

  private static final String INSERT_ENTITY =
      "INSERT INTO entities (article_id, ordinal, text, type, start_offset, end_offset, canonical)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_CANONICAL =
      "INSERT INTO canonical_entities (article_id, ordinal, name, type, mentions, first_offset,"
          + " country_code, published_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_DATE =
      "INSERT INTO dates (article_id, ordinal, text, type, value, start_offset, end_offset,"
          + " begin_date, end_date, published_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_SENTENCE =
      "INSERT INTO sentences (article_id, ordinal, start_offset, end_offset) VALUES (?, ?, ?, ?)";

  private final Dialect dialect;

  ArticleWriter(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Upserts one row per article (ids must be distinct) and returns the articles whose row was
   * written, i.e. those not older than what the store held.
   */
  List<EnrichedArticle> upsertArticles(Connection connection, List<EnrichedArticle> latest)
      throws SQLException {
    int[] counts;
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ARTICLE)) {
      for (EnrichedArticle record : latest) {
        bindArticle(upsert, record);
        upsert.addBatch();
      }
      counts = upsert.executeBatch();
    }
    List<EnrichedArticle> applied = new ArrayList<>();
    for (int i = 0; i < latest.size(); i++) {
      if (counts[i] == Statement.SUCCESS_NO_INFO) {
        // Both supported drivers report counts; refuse to guess if one stops doing so.
        throw new SQLException("the JDBC driver did not report which upserts applied");
      }
      if (counts[i] > 0) {
        applied.add(latest.get(i));
      }
    }
    return applied;
  }

  /** Replaces the child rows of the given articles: old ones deleted, current ones inserted. */
  void replaceChildren(Connection connection, List<EnrichedArticle> articles) throws SQLException {
    if (articles.isEmpty()) {
      return;
    }
    for (String table : CHILD_TABLES) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM " + table + " WHERE article_id = ?")) {
        for (EnrichedArticle record : articles) {
          delete.setString(1, record.article().id());
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
    insertEntities(connection, articles);
    insertCanonicalEntities(connection, articles);
    insertDates(connection, articles);
    insertSentences(connection, articles);
  }

  private void bindArticle(PreparedStatement statement, EnrichedArticle record)
      throws SQLException {
    Article article = record.article();
    statement.setString(1, article.id());
    statement.setString(2, article.source());
    statement.setString(3, article.url());
    statement.setString(4, article.title());
    statement.setString(5, article.body());
    statement.setString(6, article.published());
    dialect.bindDate(statement, 7, publicationDateOrNull(article));
    dialect.bindTimestamp(statement, 8, article.ingestedAt());
    statement.setString(9, article.language());
    statement.setInt(10, record.enrichment().version());
    dialect.bindTimestamp(statement, 11, record.enrichment().processedAt());
    statement.setString(12, modelsJson(record));
    statement.setString(13, article.sourceId());
    statement.setString(14, article.finalUrl());
    statement.setString(15, article.canonicalUrl());
    statement.setString(16, authorsJson(article));
    statement.setString(17, article.summary());
    statement.setString(18, article.dateline());
    statement.setString(19, article.pageProblem());
    setIntOrNull(statement, 20, article.revision());
    statement.setString(21, record.enrichment().language());
    statement.setString(22, record.enrichment().skipped());
    setIntOrNull(statement, 23, record.enrichment().analysedChars());
    statement.setString(24, record.duplicateOf());
  }

  private static void setIntOrNull(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  /** NULL for an article without authors, so that it reads back as it was written. */
  private static String authorsJson(Article article) throws SQLException {
    if (article.authors().isEmpty()) {
      return null;
    }
    try {
      return Json.MAPPER.writeValueAsString(article.authors());
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot write authors as JSON", e);
    }
  }

  /**
   * An unparseable publication date keeps its text in {@code published} and leaves the date empty:
   * losing the whole article over it would be worse than one unindexed column.
   */
  private static LocalDate publicationDateOrNull(Article article) {
    try {
      return article.publicationDate();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String modelsJson(EnrichedArticle record) throws SQLException {
    try {
      // Sorted so that the same models always produce the same text.
      return Json.MAPPER.writeValueAsString(new TreeMap<>(record.enrichment().models()));
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot write models as JSON", e);
    }
  }

  private static void insertEntities(Connection connection, List<EnrichedArticle> articles)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTITY)) {
      for (EnrichedArticle record : articles) {
        int ordinal = 0;
        for (Entity entity : record.entities()) {
          insert.setString(1, record.article().id());
          insert.setInt(2, ordinal++);
          insert.setString(3, entity.text());
          insert.setString(4, entity.type().name());
          insert.setInt(5, entity.start());
          insert.setInt(6, entity.end());
          insert.setString(7, entity.canonical());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /**
   * Each row repeats its article's publication date (as {@code articles.published_date} holds it),
   * so that the entity queries can read the newest articles naming an entity from one index; the
   * same goes for dates.
   */
  private void insertCanonicalEntities(Connection connection, List<EnrichedArticle> articles)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_CANONICAL)) {
      for (EnrichedArticle record : articles) {
        LocalDate published = publicationDateOrNull(record.article());
        int ordinal = 0;
        for (CanonicalEntity entity : record.canonicalEntities()) {
          insert.setString(1, record.article().id());
          insert.setInt(2, ordinal++);
          insert.setString(3, entity.name());
          insert.setString(4, entity.type().name());
          insert.setInt(5, entity.mentions());
          insert.setInt(6, entity.firstStart());
          insert.setString(7, entity.countryCode());
          dialect.bindDate(insert, 8, published);
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private void insertDates(Connection connection, List<EnrichedArticle> articles)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_DATE)) {
      for (EnrichedArticle record : articles) {
        LocalDate published = publicationDateOrNull(record.article());
        int ordinal = 0;
        for (TemporalExpression date : record.dates()) {
          insert.setString(1, record.article().id());
          insert.setInt(2, ordinal++);
          insert.setString(3, date.text());
          insert.setString(4, date.type().name());
          insert.setString(5, date.value());
          insert.setInt(6, date.start());
          insert.setInt(7, date.end());
          Optional<TimexRange> range = TimexRange.of(date.value());
          dialect.bindDate(insert, 8, range.map(TimexRange::begin).orElse(null));
          dialect.bindDate(insert, 9, range.map(TimexRange::end).orElse(null));
          dialect.bindDate(insert, 10, published);
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static void insertSentences(Connection connection, List<EnrichedArticle> articles)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_SENTENCE)) {
      for (EnrichedArticle record : articles) {
        int ordinal = 0;
        for (Sentence sentence : record.sentences()) {
          insert.setString(1, record.article().id());
          insert.setInt(2, ordinal++);
          insert.setInt(3, sentence.start());
          insert.setInt(4, sentence.end());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
