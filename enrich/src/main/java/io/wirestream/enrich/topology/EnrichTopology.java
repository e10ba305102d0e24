package io.wirestream.enrich.topology;

import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.nlp.Enricher;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

/**
 * The enrich topology: {@code news.raw} → enrich → {@code news.enriched}, with records that cannot
 * be enriched routed to {@code news.dlq}.
 *
 * <p>Without duplicate detection it is stateless and keyed by article id on both sides, so it needs
 * no repartition topic and no store; a replay of {@code news.raw} recomputes every record from
 * scratch. With it, {@link DedupTopology} puts fingerprint checks in front of the same enrich
 * processor. The processor forwards serialized values (it checks their size), so both sinks write
 * bytes.
 */
public final class EnrichTopology {

  public static final String RAW_SOURCE = "news-raw-source";
  public static final String ENRICH_PROCESSOR = "enrich-article";
  public static final String ENRICHED_SINK = "news-enriched-sink";
  public static final String DEAD_LETTER_SINK = "news-dlq-sink";
  public static final String DEDUP_FINGERPRINT = "dedup-fingerprint";
  public static final String DEDUP_PROBES = "dedup-probes";
  public static final String DEDUP_CHECK = "dedup-check";
  public static final String DEDUP_VERDICTS = "dedup-verdicts";
  public static final String DEDUP_VERDICT = "dedup-verdict";
  public static final String DEDUP_DUPLICATES_SINK = "dedup-duplicates-sink";
  public static final String DEDUP_PENDING_STORE = "dedup-pending";
  public static final String DEDUP_URL_STORE = "dedup-urls";
  public static final String DEDUP_BODY_STORE = "dedup-bodies";
  public static final String DEDUP_TITLE_STORE = "dedup-titles";
  public static final String DEDUP_SIMHASH_STORE = "dedup-simhash-bands";

  private EnrichTopology() {}

  /**
   * The topology with the producer's default size limit and its own memory of refused sends.
   *
   * @param enrichers creates one {@link Enricher} per stream task; each is used by one thread
   * @param deadLetterOnError true to dead-letter bad records, false to fail the application
   */
  public static Topology build(
      Topics topics, Supplier<Enricher> enrichers, boolean deadLetterOnError) {
    return build(topics, enrichers, deadLetterOnError, SendLimit.DEFAULT, new FailedSends());
  }

  /**
   * @param limit what the Streams producer accepts; larger output is dead-lettered
   * @param failedSends shared with the {@link DeadLetterProductionHandler} of the same application
   */
  public static Topology build(
      Topics topics,
      Supplier<Enricher> enrichers,
      boolean deadLetterOnError,
      SendLimit limit,
      FailedSends failedSends) {
    return build(topics, enrichers, deadLetterOnError, limit, failedSends, ReplayFilter.ALL, -1);
  }

  /**
   * @param filter which raw records to enrich; the others are skipped, not dead-lettered
   * @param version the enrichment version, stamped on dead letters too (negative: left out)
   */
  public static Topology build(
      Topics topics,
      Supplier<Enricher> enrichers,
      boolean deadLetterOnError,
      SendLimit limit,
      FailedSends failedSends,
      ReplayFilter filter,
      int version) {
    return build(
        topics,
        enrichers,
        deadLetterOnError,
        limit,
        failedSends,
        filter,
        version,
        EnrichMeters.none());
  }

  /**
   * @param meters counts what the processor takes in, enriches and dead-letters
   */
  public static Topology build(
      Topics topics,
      Supplier<Enricher> enrichers,
      boolean deadLetterOnError,
      SendLimit limit,
      FailedSends failedSends,
      ReplayFilter filter,
      int version,
      EnrichMeters meters) {
    return build(
        topics,
        enrichers,
        deadLetterOnError,
        limit,
        failedSends,
        filter,
        version,
        meters,
        DedupOptions.OFF);
  }

  /**
   * @param dedup whether and how to detect duplicates; with it the topology holds state and two
   *     repartition topics ({@link DedupTopology})
   */
  public static Topology build(
      Topics topics,
      Supplier<Enricher> enrichers,
      boolean deadLetterOnError,
      SendLimit limit,
      FailedSends failedSends,
      ReplayFilter filter,
      int version,
      EnrichMeters meters,
      DedupOptions dedup) {
    if (dedup.enabled()) {
      return DedupTopology.build(
          topics,
          () ->
              new EnrichProcessor(
                  topics.raw().valueSerde().deserializer(),
                  topics.enriched().valueSerde().serializer(),
                  topics.enriched().name(),
                  enrichers,
                  deadLetterOnError,
                  limit,
                  failedSends,
                  filter,
                  version,
                  meters),
          failedSends,
          limit,
          filter,
          version,
          meters,
          dedup);
    }
    Topology topology = new Topology();
    topology.addSource(
        RAW_SOURCE,
        topics.rawBytes().keySerde().deserializer(),
        topics.rawBytes().valueSerde().deserializer(),
        topics.rawBytes().name());
    topology.addProcessor(
        ENRICH_PROCESSOR,
        () ->
            new EnrichProcessor(
                topics.raw().valueSerde().deserializer(),
                topics.enriched().valueSerde().serializer(),
                topics.enriched().name(),
                enrichers,
                deadLetterOnError,
                limit,
                failedSends,
                filter,
                version,
                meters),
        RAW_SOURCE);
    topology.addSink(
        ENRICHED_SINK,
        topics.enriched().name(),
        topics.enriched().keySerde().serializer(),
        new ByteArraySerializer(),
        ENRICH_PROCESSOR);
    topology.addSink(
        DEAD_LETTER_SINK,
        topics.deadLetter().name(),
        topics.deadLetter().keySerde().serializer(),
        topics.deadLetter().valueSerde().serializer(),
        ENRICH_PROCESSOR);
    return topology;
  }
}
