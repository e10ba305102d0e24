package io.wirestream.enrich.topology;

import io.wirestream.common.model.Article;
import io.wirestream.enrich.dedup.Fingerprints;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds each raw record in the pending store and sends its fingerprints out as probes, keyed by
 * fingerprint, so that every copy of a fingerprint is checked by the one task that owns it.
 *
 * <p>A record that cannot be parsed, or has no body or date to compare, is held too, with one
 * {@code pass} probe: it comes back unchecked and the enrich processor dead-letters it in its turn,
 * so records leave each partition in the order they came.
 */
final class DedupFingerprintProcessor implements Processor<String, byte[], String, DedupProbe> {

  static final String PASS = "pass";

  private final Deserializer<Article> articles;
  private final ReplayFilter filter;
  private final DedupOptions options;
  private ProcessorContext<String, DedupProbe> context;
  private KeyValueStore<String, DedupPending> pending;

  DedupFingerprintProcessor(
      Deserializer<Article> articles, ReplayFilter filter, DedupOptions options) {
    this.articles = articles;
    this.filter = filter;
    this.options = options;
  }

  @Override
  public void init(ProcessorContext<String, DedupProbe> context) {
    this.context = context;
    this.pending = context.getStateStore(EnrichTopology.DEDUP_PENDING_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.value() == null) {
      return;
    }
    RecordMetadata source =
        context
            .recordMetadata()
            .orElseThrow(() -> new IllegalStateException("a raw record without its position"));
    if (!filter.acceptsPosition(source.partition(), source.offset())) {
      return;
    }
    List<Keyed> probes = probes(record, source);
    if (probes == null) {
      return;
    }
    List<DedupPending.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new DedupPending.Header(header.key(), header.value()));
    }
    pending.put(
        pendingKey(source.offset()),
        new DedupPending(
            record.key(),
            record.value(),
            record.timestamp(),
            headers,
            source.topic(),
            source.partition(),
            source.offset(),
            probes.size(),
            0,
            null,
            0L,
            null));
    for (Keyed probe : probes) {
      context.forward(new Record<>(probe.key(), probe.probe(), record.timestamp()));
    }
  }

  /** The probes of a record, or null for one outside the replay's publication range. */
  private List<Keyed> probes(Record<String, byte[]> record, RecordMetadata source) {
    int partition = source.partition();
    long offset = source.offset();
    Article article;
    long published;
    try {
      article = articles.deserialize(source.topic(), record.value());
      if (article == null || article.body().isBlank() || record.key() == null) {
        return List.of(pass(partition, offset));
      }
      if (!filter.acceptsPublished(article)) {
        return null;
      }
      published = publishedMillis(article, record.timestamp());
    } catch (RuntimeException e) {
      // The enrich processor meets the same failure and dead-letters the record with its reason.
      return List.of(pass(partition, offset));
    }
    String id = article.id();
    long body = options.bodyWindow().toMillis();
    List<Keyed> probes = new ArrayList<>();
    Fingerprints.urlKey(article)
        .ifPresent(
            url -> probes.add(probe("url", url, id, published, body, null, partition, offset)));
    probes.add(
        probe(
            "body",
            Fingerprints.bodyHash(article.body()),
            id,
            published,
            body,
            null,
            partition,
            offset));
    Optional<Long> simhash = Fingerprints.simhash(article.body());
    Fingerprints.titleKey(article)
        .ifPresent(
            title ->
                probes.add(
                    probe(
                        "title",
                        title,
                        id,
                        published,
                        options.titleWindow().toMillis(),
                        simhash.orElse(null),
                        partition,
                        offset)));
    if (simhash.isPresent()) {
      for (String band : Fingerprints.bands(simhash.get(), options.maxDistance())) {
        probes.add(probe("simhash", band, id, published, body, simhash.get(), partition, offset));
      }
    }
    return probes;
  }

  /** A probe with its key: the kind, then the fingerprint, so a URL never meets a body hash. */
  private record Keyed(String key, DedupProbe probe) {}

  private static Keyed probe(
      String kind,
      String fingerprint,
      String id,
      long published,
      long window,
      Long simhash,
      int partition,
      long offset) {
    return new Keyed(
        kind + ':' + fingerprint,
        new DedupProbe(kind, id, published, window, simhash, partition, offset));
  }

  /** Spread over the partitions by offset; no store looks at it. */
  private static Keyed pass(int partition, long offset) {
    return new Keyed(
        PASS + ':' + partition + ':' + offset,
        new DedupProbe(PASS, null, 0L, 0L, null, partition, offset));
  }

  /**
   * Publication time in epoch milliseconds, a date standing for its UTC midnight. Never later than
   * a day after the record's timestamp: a date in the future is a mistake of the source, and taken
   * at its word it would put the article out of reach of every copy dated correctly.
   */
  static long publishedMillis(Article article, long recordTimestamp) {
    String text = article.published().trim();
    long millis;
    if (text.length() == 10) {
      millis = article.publicationDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } else {
      Instant instant;
      try {
        instant = java.time.OffsetDateTime.parse(text).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        instant = java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      }
      article.publicationDate(); // the same checks as enrichment's, years 0001-9999 among them
      millis = instant.toEpochMilli();
    }
    long ceiling = recordTimestamp + 86_400_000L;
    return recordTimestamp > 0 ? Math.min(millis, ceiling) : millis;
  }

  /** Zero-padded, so the store's key order is the partition's offset order. */
  static String pendingKey(long offset) {
    return String.format("%019d", offset);
  }
}
