package io.wirestream.sink.store;

import io.wirestream.common.model.EnrichedArticle;
import java.util.List;
import java.util.Optional;

/**
 * Where enriched articles end up. Writes are idempotent and version-aware, which is what lets the
 * sink consume at-least-once: a replayed record changes nothing, and an old enrichment arriving
 * late cannot overwrite a newer one.
 */
public interface ArticleStore extends AutoCloseable {

  /**
   * Opens a store on a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}),
   * creating or migrating its schema.
   *
   * @throws StoreException if the database cannot be reached or migrated
   */
  static ArticleStore open(String jdbcUrl) {
    return JdbcArticleStore.open(jdbcUrl);
  }

  /**
   * Writes a batch in one transaction: per article, the highest enrichment version in the batch (of
   * those, the highest revision) replaces the stored article and all its child rows unless the
   * store already holds a higher version, or a higher revision of the same version. Nothing is
   * written if this throws.
   *
   * @throws StoreException with {@link StoreException#retriable()} true if the same call may
   *     succeed later
   */
  WriteResult write(List<EnrichedArticle> batch);

  /**
   * The stored enrichment of an article, as it was written, every optional field of the article and
   * its enrichment included, except that its sentences come back without token spans, which the
   * store does not keep.
   */
  Optional<EnrichedArticle> find(String articleId);

  @Override
  void close();
}
