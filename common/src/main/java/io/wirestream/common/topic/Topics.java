package io.wirestream.common.topic;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.serde.JsonSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of Wirestream's topics. Names come from configuration (so several pipelines can
 * share a cluster); everything else about a topic is decided here.
 */
public final class Topics {

  private final Topic<String, Article> raw;
  private final Topic<String, byte[]> rawBytes;
  private final Topic<String, EnrichedArticle> enriched;
  private final Topic<String, byte[]> deadLetter;
  private final Topic<String, byte[]> ingestState;
  private final Topic<String, byte[]> feeds;
  private final WirestreamConfig config;

  public Topics(WirestreamConfig config) {
    this.config = config;
    this.raw =
        new Topic<>(
            config.getString(WirestreamConfig.TOPIC_RAW),
            Serdes.String(),
            new JsonSerde<>(Article.class));
    // Enrich reads raw values as bytes so that a record it cannot parse still reaches the
    // dead-letter topic byte for byte.
    this.rawBytes = new Topic<>(raw.name(), Serdes.String(), Serdes.ByteArray());
    this.enriched =
        new Topic<>(
            config.getString(WirestreamConfig.TOPIC_ENRICHED),
            Serdes.String(),
            new JsonSerde<>(EnrichedArticle.class));
    this.deadLetter =
        new Topic<>(
            config.getString(WirestreamConfig.TOPIC_DLQ), Serdes.String(), Serdes.ByteArray());
    this.ingestState =
        new Topic<>(
            config.getString(WirestreamConfig.TOPIC_INGEST_STATE),
            Serdes.String(),
            Serdes.ByteArray());
    this.feeds =
        new Topic<>(
            config.getString(WirestreamConfig.TOPIC_FEEDS), Serdes.String(), Serdes.ByteArray());
  }

  public Topic<String, Article> raw() {
    return raw;
  }

  public Topic<String, byte[]> rawBytes() {
    return rawBytes;
  }

  public Topic<String, EnrichedArticle> enriched() {
    return enriched;
  }

  public Topic<String, byte[]> deadLetter() {
    return deadLetter;
  }

  /** The registered feeds by URL; a null value removes one. */
  public Topic<String, byte[]> feeds() {
    return feeds;
  }

  /** Ingest's state by source key; JSON values written and read by ingest alone. */
  public Topic<String, byte[]> ingestState() {
    return ingestState;
  }

  /**
   * Creation specs. Raw articles are kept until deleted on purpose (retention -1): replaying {@code
   * news.raw} is how a backfill after a model upgrade works. Enriched records are compacted by
   * article id, so the topic converges on the latest enrichment of each article and a new
   * downstream consumer can bootstrap from it. Dead letters are kept a configurable time. Ingest's
   * state is compacted by source, so it holds the last state of each file and feed.
   */
  public List<TopicSpec> specs() {
    int partitions = config.getInt(WirestreamConfig.TOPIC_PARTITIONS);
    short replication = config.getShort(WirestreamConfig.TOPIC_REPLICATION_FACTOR);
    return List.of(
        new TopicSpec(
            raw.name(),
            partitions,
            replication,
            Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)),
        new TopicSpec(
            enriched.name(),
            partitions,
            replication,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        new TopicSpec(
            deadLetter.name(),
            partitions,
            replication,
            Map.of(
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(config.getLong(WirestreamConfig.TOPIC_DLQ_RETENTION_MS)))),
        new TopicSpec(
            ingestState.name(),
            partitions,
            replication,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        new TopicSpec(
            feeds.name(),
            partitions,
            replication,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
  }
}
