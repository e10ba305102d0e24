package io.wirestream.common.kafka.offsets;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a group is behind on one topic, summed over the partitions it has committed on.
 *
 * @param committed sum of the committed offsets
 * @param end sum of the end offsets of the same partitions
 */
public record TopicLag(String topic, int partitions, long committed, long end) {

  public long lag() {
    return Math.max(0, end - committed);
  }

  /** Per topic, in name order: {@code end - committed} over the committed partitions. */
  public static Map<String, TopicLag> of(
      Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
    Map<String, TopicLag> byTopic = new TreeMap<>();
    committed.forEach(
        (partition, offset) -> {
          long end = Math.max(offset, ends.getOrDefault(partition, offset));
          byTopic.merge(
              partition.topic(),
              new TopicLag(partition.topic(), 1, offset, end),
              (a, b) ->
                  new TopicLag(
                      a.topic(),
                      a.partitions() + b.partitions(),
                      a.committed() + b.committed(),
                      a.end() + b.end()));
        });
    return byTopic;
  }
}
