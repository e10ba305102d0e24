package io.wirestream.client;

import io.wirestream.common.model.EnrichedArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code news.enriched} through a {@code Consumer<String, byte[]>} and yields each article
 * only when it is newer than every version of it seen so far. A compacted topic still carries
 * several versions of an article until compaction runs, and a replay can put an older enrichment
 * after a newer one; consumers that want "the current state" should not have to sort that out.
 *
 * <p>The helper keeps one small entry per article id (version, revision and processedAt, not the
 * article), so memory grows with the number of distinct articles, not with the records read. Bad
 * bytes are reported to the {@link BadRecordHandler} and skipped. The caller owns the consumer:
 * subscribing or assigning, committing and closing it.
 */
public final class EnrichedArticles {

  private final Consumer<String, byte[]> consumer;
  private final EnrichedArticleDeserializer deserializer;
  private final Map<String, Newest.Mark> newestSeen = new HashMap<>();
  private long skipped;

  public EnrichedArticles(Consumer<String, byte[]> consumer, BadRecordHandler onBadRecord) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.deserializer = new EnrichedArticleDeserializer(onBadRecord);
  }

  /**
   * Polls once and returns the articles that are newer than anything seen for their id, in the
   * order their newest version arrived; several versions of one article in a batch yield one.
   */
  public List<EnrichedArticle> poll(Duration timeout) {
    Map<String, EnrichedArticle> batch = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
      EnrichedArticle article = deserializer.deserialize(record.topic(), record.value());
      if (article == null) {
        skipped++;
        continue;
      }
      String id = record.key() != null ? record.key() : article.article().id();
      if (Newest.isNewer(article, newestSeen.get(id))) {
        newestSeen.put(id, Newest.Mark.of(article));
        // Re-inserted so a batch lists an article where its newest version came.
        batch.remove(id);
        batch.put(id, article);
      } else {
        skipped++;
      }
    }
    return new ArrayList<>(batch.values());
  }

  /**
   * An iterator over {@link #poll} results that ends after {@code idlePolls} consecutive empty
   * polls; for reading a topic up to "now" (use a large count to follow it).
   */
  public Iterator<EnrichedArticle> iterator(Duration pollTimeout, int idlePolls) {
    return new Iterator<>() {
      private Iterator<EnrichedArticle> current = List.<EnrichedArticle>of().iterator();
      private int idle;

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && idle < idlePolls) {
          List<EnrichedArticle> next = poll(pollTimeout);
          idle = next.isEmpty() ? idle + 1 : 0;
          current = next.iterator();
        }
        return current.hasNext();
      }

      @Override
      public EnrichedArticle next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** Records dropped so far: unreadable ones and versions older than one already yielded. */
  public long skipped() {
    return skipped;
  }

  /** How many distinct articles have been seen. */
  public int articlesSeen() {
    return newestSeen.size();
  }
}
