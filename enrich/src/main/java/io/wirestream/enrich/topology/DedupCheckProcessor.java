package io.wirestream.enrich.topology;

import io.wirestream.enrich.dedup.Fingerprints;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Checks each probe against the articles its fingerprint store holds within the probe's window of
 * publication time, adds the probe's article, and answers with the original found, if any.
 *
 * <p>The original is the first article of a fingerprint that enrich saw, the one it analysed: of
 * the matching articles that were not copies themselves when they came, the first by (published,
 * id). So of copies that arrive in any order exactly one is analysed, and every later one names it;
 * a copy published earlier than the original but arriving after it names it too. A probe of the
 * same article id (a replay, a revision) matches nothing: an article is never a copy of itself.
 *
 * <p>Entries are kept in the window store at their record's timestamp (when the article was
 * ingested), not at their publication time, and a match must also lie within the probe's window of
 * publication time. A window store expires entries by the latest time it was given: keyed by
 * publication time, one recent article would expire every older one, and a backfill that mixes
 * years (or a demo of old samples and today's feed) would find no copies among the older ones.
 */
final class DedupCheckProcessor implements Processor<String, DedupProbe, String, DedupVerdict> {

  /** Most SimHash bits in which the bodies of two articles with one title may differ. */
  static final int TITLE_MAX_DISTANCE = 15;

  private static final String TITLE = "title";

  private final int maxDistance;
  private ProcessorContext<String, DedupVerdict> context;
  private Map<String, WindowStore<String, DedupSeen>> stores;

  DedupCheckProcessor(int maxDistance) {
    this.maxDistance = maxDistance;
  }

  @Override
  public void init(ProcessorContext<String, DedupVerdict> context) {
    this.context = context;
    this.stores =
        Map.of(
            "url", context.getStateStore(EnrichTopology.DEDUP_URL_STORE),
            "body", context.getStateStore(EnrichTopology.DEDUP_BODY_STORE),
            "title", context.getStateStore(EnrichTopology.DEDUP_TITLE_STORE),
            "simhash", context.getStateStore(EnrichTopology.DEDUP_SIMHASH_STORE));
  }

  @Override
  public void process(Record<String, DedupProbe> record) {
    DedupProbe probe = record.value();
    if (probe == null) {
      return;
    }
    WindowStore<String, DedupSeen> store = stores.get(probe.kind());
    DedupSeen original = null;
    if (store != null) {
      DedupSeen self = null;
      long at = Math.max(0L, record.timestamp());
      long from = Math.max(0L, at - probe.window() - DedupTopology.LATE_MARGIN.toMillis());
      try (WindowStoreIterator<DedupSeen> seen = store.fetch(record.key(), from, Long.MAX_VALUE)) {
        while (seen.hasNext()) {
          DedupSeen other = seen.next().value;
          if (other.id().equals(probe.id())) {
            self = other;
          } else if (Math.abs(other.published() - probe.published()) <= probe.window()
              && !other.isCopy()
              && matches(probe, other)) {
            original = first(original, other);
          }
        }
      }
      if (self != null && !self.isCopy()) {
        // Seen before as an original (a replay, a revision): it stays one.
        original = null;
      }
      if (self == null) {
        store.put(
            record.key(),
            new DedupSeen(probe.id(), probe.published(), probe.simhash(), original != null),
            at);
      }
    }
    context.forward(
        new Record<>(
            Long.toString(probe.offset()),
            new DedupVerdict(
                probe.kind(),
                probe.partition(),
                probe.offset(),
                original == null ? null : original.id(),
                original == null ? 0L : original.published()),
            record.timestamp()));
  }

  private static DedupSeen first(DedupSeen best, DedupSeen other) {
    return best == null || other.before(best.id(), best.published()) ? other : best;
  }

  /**
   * A shared band is only a candidate: the whole hashes must be within the distance. A shared title
   * needs bodies within {@link #TITLE_MAX_DISTANCE} as well, where both have a SimHash: a wire
   * service re-uses titles for its daily reports, and on labelled Reuters-21578 pairs the title
   * alone was right about half the time (docs/duplicates.md).
   */
  private boolean matches(DedupProbe probe, DedupSeen other) {
    if (probe.simhash() == null) {
      return true;
    }
    if (TITLE.equals(probe.kind())) {
      return other.simhash() == null
          || Fingerprints.distance(probe.simhash(), other.simhash()) <= TITLE_MAX_DISTANCE;
    }
    return other.simhash() != null
        && Fingerprints.distance(probe.simhash(), other.simhash()) <= maxDistance;
  }
}
