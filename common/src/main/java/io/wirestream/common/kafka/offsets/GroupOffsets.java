package io.wirestream.common.kafka.offsets;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The committed offsets of a consumer group (a Kafka Streams application id is one too). */
public final class GroupOffsets {

  private GroupOffsets() {}

  /** Committed offset per partition; partitions without a commit are absent. */
  public static Map<TopicPartition, Long> committed(Admin admin, String group)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> answer =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, Long> result = new HashMap<>();
    answer.forEach(
        (partition, offset) -> {
          if (offset != null) {
            result.put(partition, offset.offset());
          }
        });
    return result;
  }

  /**
   * Sets a group's committed offsets to the ranges' starts, so that an application joining it
   * begins there. The group must have no members (a new replay's application id has none).
   */
  public static void commitStarts(Admin admin, String group, Iterable<PartitionRange> ranges)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (PartitionRange range : ranges) {
      offsets.put(range.partition(), new OffsetAndMetadata(range.start()));
    }
    admin.alterConsumerGroupOffsets(group, offsets).all().get();
  }
}
