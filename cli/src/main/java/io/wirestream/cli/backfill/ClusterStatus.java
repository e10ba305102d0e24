package io.wirestream.cli.backfill;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.kafka.offsets.GroupOffsets;
import io.wirestream.common.kafka.offsets.OffsetRanges;
import io.wirestream.common.kafka.offsets.TopicLag;
import io.wirestream.common.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the pipeline's applications among the cluster's consumer groups, by what they have
 * committed on: a group with offsets on the raw topic is an enrich (Kafka Streams application ids
 * are consumer groups), one with offsets on the enriched topic a sink. Committed offsets are
 * sampled twice, {@code interval} apart, for the rate.
 */
final class ClusterStatus {

  /** A replay's default application id ends in its version. */
  private static final Pattern VERSIONED = Pattern.compile(".*-v(\\d+)$");

  static final String FROM_APPLICATION_ID = "application id";
  static final String FROM_NEWEST_RECORD = "newest non-replay record on ";

  private final Admin admin;
  private final Topics topics;
  private final Function<Set<Integer>, Optional<Integer>> newestVersion;

  ClusterStatus(Admin admin, WirestreamConfig config) {
    this(admin, new Topics(config), replays -> NewestVersion.read(config, replays));
  }

  /**
   * @param newestVersion the version of the newest enriched record not of the given replay versions
   */
  ClusterStatus(
      Admin admin, Topics topics, Function<Set<Integer>, Optional<Integer>> newestVersion) {
    this.admin = admin;
    this.topics = topics;
    this.newestVersion = newestVersion;
  }

  List<GroupRow> collect(Duration interval) throws Exception {
    List<String> groups = new ArrayList<>();
    for (GroupListing listing : admin.listGroups().all().get()) {
      GroupType type = listing.type().orElse(GroupType.CLASSIC);
      if (type == GroupType.CLASSIC || type == GroupType.CONSUMER) {
        groups.add(listing.groupId());
      }
    }
    Map<String, Map<TopicPartition, Long>> first = new TreeMap<>();
    for (String group : groups) {
      Map<TopicPartition, Long> committed = pipelineOffsets(GroupOffsets.committed(admin, group));
      if (!committed.isEmpty()) {
        first.put(group, committed);
      }
    }
    if (first.isEmpty()) {
      return List.of();
    }
    long startedAt = System.nanoTime();
    Thread.sleep(interval.toMillis());
    Map<String, Map<TopicPartition, Long>> second = new TreeMap<>();
    for (String group : first.keySet()) {
      second.put(group, pipelineOffsets(GroupOffsets.committed(admin, group)));
    }
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    Set<TopicPartition> partitions = new HashSet<>();
    second.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
    Map<TopicPartition, Long> ends = OffsetRanges.endOffsets(admin, new ArrayList<>(partitions));
    Map<String, ConsumerGroupDescription> descriptions =
        admin.describeConsumerGroups(first.keySet()).all().get();
    Set<Integer> replayVersions = new TreeSet<>();
    for (String group : second.keySet()) {
      Matcher named = VERSIONED.matcher(group);
      if (named.matches()) {
        replayVersions.add(Integer.valueOf(named.group(1)));
      }
    }
    Optional<Integer> newest = null;
    List<GroupRow> rows = new ArrayList<>();
    for (Map.Entry<String, Map<TopicPartition, Long>> entry : second.entrySet()) {
      String group = entry.getKey();
      ConsumerGroupDescription description = descriptions.get(group);
      Map<String, TopicLag> before = TopicLag.of(first.get(group), ends);
      for (TopicLag lag : TopicLag.of(entry.getValue(), ends).values()) {
        boolean enrich = lag.topic().equals(topics.raw().name());
        Integer version = null;
        String source = "";
        if (enrich) {
          Matcher named = VERSIONED.matcher(group);
          if (named.matches()) {
            version = Integer.valueOf(named.group(1));
            source = FROM_APPLICATION_ID;
          } else {
            if (newest == null) {
              newest = newestVersion.apply(replayVersions);
            }
            version = newest.orElse(null);
            source = FROM_NEWEST_RECORD + topics.enriched().name();
          }
        }
        TopicLag earlier = before.get(lag.topic());
        long gained = earlier == null ? 0 : lag.committed() - earlier.committed();
        rows.add(
            new GroupRow(
                group,
                enrich ? "enrich" : "sink",
                description == null ? "?" : description.groupState().toString(),
                description == null ? 0 : description.members().size(),
                lag.topic(),
                lag.partitions(),
                lag.lag(),
                seconds <= 0 ? 0 : Math.max(0, gained) / seconds,
                version,
                source));
      }
    }
    return rows;
  }

  /**
   * Only offsets on the raw and enriched topics: those are what make a group part of this pipeline.
   */
  private Map<TopicPartition, Long> pipelineOffsets(Map<TopicPartition, Long> committed) {
    Map<TopicPartition, Long> result =
        new TreeMap<>(
            java.util.Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
    committed.forEach(
        (partition, offset) -> {
          if (partition.topic().equals(topics.raw().name())
              || partition.topic().equals(topics.enriched().name())) {
            result.put(partition, offset);
          }
        });
    return result;
  }
}
