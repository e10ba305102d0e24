package io.wirestream.enrich.topology;

import io.wirestream.common.serde.JsonSerde;
import io.wirestream.common.topic.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The enrich topology with duplicate detection (docs/duplicates.md):
 *
 * <pre>
 * news.raw ─ dedup-fingerprint (holds the record in dedup-pending, one probe per fingerprint)
 *   ─ dedup-probes repartition, keyed by fingerprint
 *   ─ dedup-check (dedup-urls, dedup-bodies, dedup-titles, dedup-simhash-bands)
 *   ─ dedup-verdicts repartition, back to the raw record's partition
 *   ─ dedup-verdict (dedup-pending) ─┬─ a duplicate ─ news.enriched
 *                                    └─ enrich-article ─ news.enriched / news.dlq
 * </pre>
 *
 * <p>Copies of one story have different ids and so sit on different partitions of {@code news.raw};
 * keying the probes by fingerprint brings every copy of a fingerprint to one task, which alone
 * reads and writes that fingerprint's entries. Every step is in the stream thread's exactly-once
 * transaction: the stores' changelogs, both repartition topics and the output commit together with
 * the raw offsets, so a failover neither loses a probe nor checks one twice.
 */
final class DedupTopology {

  /** Entries outlive their window by this much, for articles that arrive late. */
  static final Duration LATE_MARGIN = Duration.ofDays(1);

  private DedupTopology() {}

  static Topology build(
      Topics topics,
      org.apache.kafka.streams.processor.api.ProcessorSupplier<String, byte[], String, byte[]>
          enrich,
      FailedSends failedSends,
      SendLimit limit,
      ReplayFilter filter,
      int version,
      EnrichMeters meters,
      DedupOptions options) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(EnrichTopology.DEDUP_PENDING_STORE),
            Serdes.String(),
            new JsonSerde<>(DedupPending.class)));
    builder.addStateStore(seen(EnrichTopology.DEDUP_URL_STORE, options.bodyWindow()));
    builder.addStateStore(seen(EnrichTopology.DEDUP_BODY_STORE, options.bodyWindow()));
    builder.addStateStore(seen(EnrichTopology.DEDUP_TITLE_STORE, options.titleWindow()));
    builder.addStateStore(seen(EnrichTopology.DEDUP_SIMHASH_STORE, options.bodyWindow()));

    KStream<String, byte[]> raw =
        builder.stream(
            topics.rawBytes().name(),
            Consumed.with(topics.rawBytes().keySerde(), topics.rawBytes().valueSerde())
                .withName(EnrichTopology.RAW_SOURCE));
    KStream<String, DedupVerdict> verdicts =
        raw.process(
                () ->
                    new DedupFingerprintProcessor(
                        topics.raw().valueSerde().deserializer(), filter, options),
                Named.as(EnrichTopology.DEDUP_FINGERPRINT),
                EnrichTopology.DEDUP_PENDING_STORE)
            .repartition(
                Repartitioned.<String, DedupProbe>as(EnrichTopology.DEDUP_PROBES)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(new JsonSerde<>(DedupProbe.class)))
            .process(
                () -> new DedupCheckProcessor(options.maxDistance()),
                Named.as(EnrichTopology.DEDUP_CHECK),
                EnrichTopology.DEDUP_URL_STORE,
                EnrichTopology.DEDUP_BODY_STORE,
                EnrichTopology.DEDUP_TITLE_STORE,
                EnrichTopology.DEDUP_SIMHASH_STORE);
    KStream<String, byte[]> released =
        verdicts
            .repartition(
                Repartitioned.<String, DedupVerdict>as(EnrichTopology.DEDUP_VERDICTS)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(new JsonSerde<>(DedupVerdict.class))
                    .withStreamPartitioner(backToRaw()))
            .process(
                () ->
                    new DedupVerdictProcessor(
                        topics.raw().valueSerde().deserializer(),
                        topics.enriched().valueSerde().serializer(),
                        topics.enriched().name(),
                        version,
                        options.clock(),
                        limit,
                        meters),
                Named.as(EnrichTopology.DEDUP_VERDICT),
                EnrichTopology.DEDUP_PENDING_STORE);
    released.to(
        topics.enriched().name(),
        Produced.with(topics.enriched().keySerde(), Serdes.ByteArray())
            .withName(EnrichTopology.DEDUP_DUPLICATES_SINK));
    KStream<String, byte[]> out =
        released.process(
            () -> new DedupEnrichGate((EnrichProcessor) enrich.get(), failedSends),
            Named.as(EnrichTopology.ENRICH_PROCESSOR));
    out.to(
        topics.enriched().name(),
        Produced.with(topics.enriched().keySerde(), Serdes.ByteArray())
            .withName(EnrichTopology.ENRICHED_SINK));
    out.to(
        topics.deadLetter().name(),
        Produced.with(topics.deadLetter().keySerde(), topics.deadLetter().valueSerde())
            .withName(EnrichTopology.DEAD_LETTER_SINK));
    return builder.build();
  }

  /**
   * One point per article at its publication time; duplicates retained, since two articles of one
   * fingerprint may share a second.
   */
  private static StoreBuilder<WindowStore<String, DedupSeen>> seen(String name, Duration window) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(name, window.plus(LATE_MARGIN), Duration.ofMillis(1), true),
        Serdes.String(),
        new JsonSerde<>(DedupSeen.class));
  }

  /**
   * Each verdict goes to the partition its raw record came from, where the record waits; the
   * verdict topic has as many partitions as news.raw, as Kafka Streams sizes it from its input.
   */
  private static StreamPartitioner<String, DedupVerdict> backToRaw() {
    return (topic, key, verdict, partitions) -> {
      if (verdict.partition() >= partitions) {
        throw new IllegalStateException(
            topic
                + " has "
                + partitions
                + " partitions, fewer than the raw topic's partition "
                + verdict.partition());
      }
      return Optional.of(Set.of(verdict.partition()));
    };
  }
}
