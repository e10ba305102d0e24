package io.wirestream.common.kafka.offsets;

import org.apache.kafka.common.TopicPartition;

/**
 * Offsets {@code [start, end)} of one partition.
 *
 * @param start first offset in the range
 * @param end first offset after the range
 */
public record PartitionRange(TopicPartition partition, long start, long end) {

  public PartitionRange {
    if (end < start) {
      throw new IllegalArgumentException(partition + ": range ends at " + end + " before " + start);
    }
  }

  /** Offsets in the range: the records it holds on a topic that is not compacted. */
  public long count() {
    return end - start;
  }

  /** How many of the range's offsets lie before {@code position} (a committed offset). */
  public long doneAt(long position) {
    return Math.max(0, Math.min(position, end) - start);
  }
}
