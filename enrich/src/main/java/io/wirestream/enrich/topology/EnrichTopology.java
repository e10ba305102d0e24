package io.wirestream.enrich.topology;

import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.nlp.Enricher;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;

/**
 * The enrich topology: {@code news.raw} → enrich → {@code news.enriched}, with records that cannot
 * be enriched routed to {@code news.dlq}.
 *
 * <p>Stateless and keyed by article id on both sides, so it needs no repartition topic and no
 * store; a replay of {@code news.raw} recomputes every record from scratch.
 */
public final class EnrichTopology {

  public static final String RAW_SOURCE = "news-raw-source";
  public static final String ENRICH_PROCESSOR = "enrich-article";
  public static final String ENRICHED_SINK = "news-enriched-sink";
  public static final String DEAD_LETTER_SINK = "news-dlq-sink";

  private EnrichTopology() {}

  /**
   * @param enrichers creates one {@link Enricher} per stream task; each is used by one thread
   * @param deadLetterOnError true to dead-letter bad records, false to fail the application
   */
  public static Topology build(
      Topics topics, Supplier<Enricher> enrichers, boolean deadLetterOnError) {
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
                topics.raw().valueSerde().deserializer(), enrichers, deadLetterOnError),
        RAW_SOURCE);
    topology.addSink(
        ENRICHED_SINK,
        topics.enriched().name(),
        topics.enriched().keySerde().serializer(),
        erase(topics.enriched().valueSerde().serializer()),
        ENRICH_PROCESSOR);
    topology.addSink(
        DEAD_LETTER_SINK,
        topics.deadLetter().name(),
        topics.deadLetter().keySerde().serializer(),
        erase(topics.deadLetter().valueSerde().serializer()),
        ENRICH_PROCESSOR);
    return topology;
  }

  // The processor forwards two value types to two sinks by name; each sink only ever sees its own.
  @SuppressWarnings("unchecked")
  private static Serializer<Object> erase(Serializer<?> serializer) {
    return (Serializer<Object>) serializer;
  }
}
