package io.wirestream.common.kafka.offsets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns a range of record timestamps into offsets, per partition, from the broker's timestamp
 * index. A bound is the first offset whose timestamp is at or after it, so {@code [from, to)} in
 * time becomes {@code [start, end)} in offsets; a bound after the last record is the end offset.
 */
public final class OffsetRanges {

  private OffsetRanges() {}

  /**
   * @param from first timestamp in the range, or null for the start of each partition
   * @param to first timestamp after the range, or null for the end offsets as of now
   */
  public static List<PartitionRange> plan(Admin admin, String topic, Instant from, Instant to)
      throws ExecutionException, InterruptedException {
    List<TopicPartition> partitions = partitions(admin, topic);
    Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> latest = endOffsets(admin, partitions);
    Map<TopicPartition, Long> starts =
        from == null ? earliest : atTime(admin, partitions, from, latest);
    Map<TopicPartition, Long> ends = to == null ? latest : atTime(admin, partitions, to, latest);
    List<PartitionRange> ranges = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      long start = Math.max(starts.get(partition), earliest.get(partition));
      long end = Math.max(start, ends.get(partition));
      ranges.add(new PartitionRange(partition, start, end));
    }
    return ranges;
  }

  /** The topic's partitions in order of their number. */
  public static List<TopicPartition> partitions(Admin admin, String topic)
      throws ExecutionException, InterruptedException {
    return admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get()
        .get(topic)
        .partitions()
        .stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .sorted(Comparator.comparingInt(TopicPartition::partition))
        .toList();
  }

  /**
   * End offsets a read-committed consumer can reach: past the last committed transaction, so an
   * open one does not count as work still to do.
   */
  public static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions)
      throws ExecutionException, InterruptedException {
    return offsets(admin, partitions, OffsetSpec.latest());
  }

  private static Map<TopicPartition, Long> atTime(
      Admin admin, List<TopicPartition> partitions, Instant when, Map<TopicPartition, Long> latest)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, Long> found =
        offsets(admin, partitions, OffsetSpec.forTimestamp(when.toEpochMilli()));
    Map<TopicPartition, Long> result = new HashMap<>();
    for (TopicPartition partition : partitions) {
      long offset = found.getOrDefault(partition, -1L);
      // -1: no record at or after that time, so the bound lies past the partition's end.
      result.put(partition, offset < 0 ? latest.get(partition) : offset);
    }
    return result;
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(partition -> request.put(partition, spec));
    Map<TopicPartition, ListOffsetsResultInfo> answer =
        admin
            .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get();
    Map<TopicPartition, Long> result = new HashMap<>();
    answer.forEach((partition, info) -> result.put(partition, info.offset()));
    return result;
  }
}
