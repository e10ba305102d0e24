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
 * <p>The original is the matching article that comes first by (published, id): the one every copy
 * names, whatever order the copies arrive in, as long as it arrives before them. A probe of the
 * same article id (a replay, a revision) matches nothing: an article is never a copy of itself.
 * Entries are keyed in the window store by their publication time, so they expire by it.
 */
final class DedupCheckProcessor implements Processor<String, DedupProbe, String, DedupVerdict> {

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
      boolean known = false;
      long from = Math.max(0L, probe.published() - probe.window());
      long to =
          probe.published() > Long.MAX_VALUE - probe.window()
              ? Long.MAX_VALUE
              : probe.published() + probe.window();
      try (WindowStoreIterator<DedupSeen> seen = store.fetch(record.key(), from, to)) {
        while (seen.hasNext()) {
          DedupSeen other = seen.next().value;
          if (other.id().equals(probe.id())) {
            known = true;
          } else if (matches(probe, other)
              && other.before(probe.id(), probe.published())
              && (original == null || other.before(original.id(), original.published()))) {
            original = other;
          }
        }
      }
      if (!known) {
        store.put(
            record.key(),
            new DedupSeen(probe.id(), probe.published(), probe.simhash()),
            probe.published());
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

  /** A shared band is only a candidate: the whole hashes must be within the distance. */
  private boolean matches(DedupProbe probe, DedupSeen other) {
    if (probe.simhash() == null) {
      return true;
    }
    return other.simhash() != null
        && Fingerprints.distance(probe.simhash(), other.simhash()) <= maxDistance;
  }
}
