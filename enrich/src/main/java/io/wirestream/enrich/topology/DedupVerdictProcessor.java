package io.wirestream.enrich.topology;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.model.RecordHeaders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Collects the verdicts of each pending raw record and, once all are in, lets it go: a duplicate as
 * its record on {@code news.enriched}, naming the original and not analysed; any other record, byte
 * for byte and with its headers, to the enrich processor, told where it came from.
 *
 * <p>Records leave in the order of their raw offsets, whatever order their verdicts arrive in, so
 * two revisions of one article reach {@code news.enriched} in the order they were published.
 */
final class DedupVerdictProcessor implements Processor<String, DedupVerdict, String, byte[]> {

  private final Deserializer<Article> articles;
  private final Serializer<EnrichedArticle> enrichedSerializer;
  private final String enrichedTopic;
  private final int version;
  private final Clock clock;
  private final SendLimit limit;
  private final EnrichMeters meters;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, DedupPending> pending;

  DedupVerdictProcessor(
      Deserializer<Article> articles,
      Serializer<EnrichedArticle> enrichedSerializer,
      String enrichedTopic,
      int version,
      Clock clock,
      SendLimit limit,
      EnrichMeters meters) {
    this.articles = articles;
    this.enrichedSerializer = enrichedSerializer;
    this.enrichedTopic = enrichedTopic;
    this.version = version;
    this.clock = clock;
    this.limit = limit;
    this.meters = meters;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.pending = context.getStateStore(EnrichTopology.DEDUP_PENDING_STORE);
  }

  @Override
  public void process(Record<String, DedupVerdict> record) {
    DedupVerdict verdict = record.value();
    if (verdict == null) {
      return;
    }
    String key = DedupFingerprintProcessor.pendingKey(verdict.offset());
    DedupPending held = pending.get(key);
    if (held == null) {
      // Not held: the store was reset (its changelog deleted) while verdicts were on their way.
      return;
    }
    pending.put(key, held.with(verdict));
    releaseCompleted();
  }

  private void releaseCompleted() {
    List<KeyValue<String, DedupPending>> done = new ArrayList<>();
    try (KeyValueIterator<String, DedupPending> all = pending.all()) {
      while (all.hasNext()) {
        KeyValue<String, DedupPending> next = all.next();
        if (!next.value.complete()) {
          break;
        }
        done.add(next);
      }
    }
    for (KeyValue<String, DedupPending> entry : done) {
      pending.delete(entry.key);
      release(entry.value);
    }
  }

  private void release(DedupPending held) {
    Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
    for (DedupPending.Header header : held.headers()) {
      headers.add(header.key(), header.value());
    }
    if (held.originalId() != null) {
      byte[] duplicate = duplicateRecord(held);
      if (duplicate != null
          && limit.fits(SendLimit.size(Letters.utf8(held.key()), duplicate, headers))) {
        meters.in();
        context.forward(
            new Record<>(
                held.key(), duplicate, held.timestamp(), RecordHeaders.enriched(headers, version)),
            EnrichTopology.DEDUP_DUPLICATES_SINK);
        meters.out();
        meters.skippedAsDuplicate();
        return;
      }
    }
    // Not a duplicate, or one whose record cannot be made: the enrich processor deals with it as
    // with any raw record, dead-lettering it if it must.
    headers.add(
        DedupOrigin.HEADER, DedupOrigin.encode(held.topic(), held.partition(), held.offset()));
    context.forward(
        new Record<>(held.key(), held.value(), held.timestamp(), headers),
        EnrichTopology.ENRICH_PROCESSOR);
  }

  static String because(String kind) {
    return switch (kind) {
      case "url" -> "same URL";
      case "body" -> "same body";
      case "title" -> "same title from the same source";
      case "simhash" -> "near-identical body";
      default -> kind;
    };
  }

  private byte[] duplicateRecord(DedupPending held) {
    try {
      Article article = articles.deserialize(held.topic(), held.value());
      EnrichedArticle duplicate =
          new EnrichedArticle(
              article,
              null,
              null,
              null,
              new Enrichment(
                  version,
                  Map.of(),
                  clock.instant(),
                  null,
                  null,
                  "duplicate of " + held.originalId() + " (" + because(held.originalKind()) + ")"),
              null,
              held.originalId());
      return enrichedSerializer.serialize(enrichedTopic, duplicate);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
