package io.wirestream.ingest.registry;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.Topic;
import io.wirestream.ingest.ArticleSource;
import io.wirestream.ingest.IngestSink;
import io.wirestream.ingest.feed.FeedPoller;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.source.FeedFetches;
import io.wirestream.ingest.state.IngestState;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered feeds that fall to this instance: the partitions of {@code news.feeds} that the
 * consumer group ({@code ingest.feeds.group.id}) assigns it, each read from its start, so N
 * instances poll each feed once between them. When partitions move (an instance joins or stops),
 * the feeds on them move too, and the new owner starts from their marks in the state, so it neither
 * republishes nor fetches early. Feeds added or removed while running are picked up as their
 * records arrive.
 */
public final class RegisteredFeedSource implements ArticleSource {

  private static final Logger LOG = LoggerFactory.getLogger(RegisteredFeedSource.class);

  /** How long a look at the registry may hold up the service's thread. */
  private static final Duration CONSUMER_POLL = Duration.ofMillis(20);

  /** Longest time between two looks at the registry, for new feeds and moved partitions. */
  private static final Duration REGISTRY_INTERVAL = Duration.ofMillis(500);

  private final KafkaConsumer<String, byte[]> consumer;
  private final FeedPoller poller;
  private final IngestState state;
  private final boolean follow;
  private final boolean allowFile;
  // Read by callers of assignedFeeds() on other threads.
  private final Map<TopicPartition, Set<URI>> byPartition = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> catchUpTo = new HashMap<>();
  private final FeedFetches fetches = new FeedFetches();
  private boolean assigned;
  private boolean caughtUp;
  private boolean listening;
  private IngestSink sink;

  public RegisteredFeedSource(
      WirestreamConfig config,
      Topic<String, byte[]> feeds,
      FeedPoller poller,
      IngestState state,
      boolean follow) {
    this.poller = poller;
    this.state = state;
    this.follow = follow;
    this.allowFile = config.getBoolean(WirestreamConfig.INGEST_FETCH_ALLOW_FILE);
    Properties props = config.kafkaProperties();
    props.put(
        ConsumerConfig.GROUP_ID_CONFIG, config.getString(WirestreamConfig.INGEST_FEEDS_GROUP_ID));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "wirestream-ingest-feeds");
    this.consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(java.util.List.of(feeds.name()), new Rebalance());
  }

  /** Moves feeds in and out as the group assigns and revokes partitions; on the polling thread. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      drop(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      drop(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      // The previous owner's marks are on the state topic by now: it saved them as it let go.
      state.refresh();
      consumer.seekToBeginning(partitions);
      catchUpTo.putAll(consumer.endOffsets(partitions));
      assigned = true;
      caughtUp = false;
      LOG.info("registered feeds: partitions {} assigned", partitions);
    }
  }

  private void drop(Collection<TopicPartition> partitions) {
    if (sink != null) {
      // The next owner reads committed marks: this instance's must be committed before it lets go.
      sink.publisher().commitNow();
    }
    for (TopicPartition partition : partitions) {
      Set<URI> feeds = byPartition.remove(partition);
      if (feeds != null) {
        feeds.forEach(poller::remove);
        feeds.forEach(fetches::forget);
      }
      catchUpTo.remove(partition);
    }
    LOG.info("registered feeds: partitions {} revoked", partitions);
  }

  @Override
  public String describe() {
    return "registered feeds";
  }

  @Override
  public void poll(IngestSink sink) {
    if (!listening) {
      poller.onFetchFinished(sink::wake);
      listening = true;
      this.sink = sink;
    }
    for (ConsumerRecord<String, byte[]> record : consumer.poll(CONSUMER_POLL)) {
      take(record, sink);
    }
    if (assigned && !caughtUp && caughtUp()) {
      caughtUp = true;
      if (!follow) {
        poller.dueNow();
        fetches.expectAll(poller);
      }
    }
    fetches.pollDue(poller, sink);
  }

  private boolean caughtUp() {
    for (Map.Entry<TopicPartition, Long> end : catchUpTo.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void take(ConsumerRecord<String, byte[]> record, IngestSink sink) {
    if (record.key() == null) {
      return;
    }
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    URI uri;
    try {
      uri = FeedPoller.checkUrl(new URI(record.key()), allowFile);
    } catch (URISyntaxException | IllegalArgumentException e) {
      sink.reject(
          null,
          new ParseResult.Rejected(
              record.topic() + ":" + record.offset(),
              "registered feed '"
                  + record.key()
                  + "' is no URL ingest can fetch: "
                  + e.getMessage()));
      return;
    }
    Set<URI> feeds = byPartition.computeIfAbsent(partition, p -> ConcurrentHashMap.newKeySet());
    if (record.value() == null) {
      feeds.remove(uri);
      poller.remove(uri);
      fetches.forget(uri);
    } else if (feeds.add(uri)) {
      poller.add(uri);
      if (caughtUp && !follow) {
        fetches.expect(poller, uri);
      }
    }
  }

  /** The feeds this instance polls now. */
  public Set<URI> assignedFeeds() {
    Set<URI> all = new HashSet<>();
    byPartition.values().forEach(all::addAll);
    return all;
  }

  /** Fetches that came to an outcome, and those that failed. */
  public FeedFetches fetches() {
    return fetches;
  }

  @Override
  public Duration untilDue() {
    Duration due = poller.untilNextDue();
    return due.compareTo(REGISTRY_INTERVAL) < 0 ? due : REGISTRY_INTERVAL;
  }

  @Override
  public boolean finished() {
    return assigned && caughtUp && fetches.allFetched();
  }

  /** Leaves the group, so that the others take this instance's feeds at once. */
  @Override
  public void close() {
    poller.close();
    consumer.close(Duration.ofSeconds(10));
  }
}
