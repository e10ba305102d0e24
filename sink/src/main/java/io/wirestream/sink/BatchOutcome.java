package io.wirestream.sink;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the consumer must do after a batch: commit the offsets past it (it is stored and its dead
 * letters are acknowledged), or seek back to its start to consume it again (it could not be stored
 * yet). Exactly one of the maps is non-empty. The counts say what a committed batch did; the
 * service adds them to its totals once the commit succeeded.
 */
record BatchOutcome(
    Map<TopicPartition, OffsetAndMetadata> commit,
    Map<TopicPartition, Long> rewind,
    int stored,
    int stale,
    int deadLettered) {

  BatchOutcome {
    commit = Map.copyOf(commit);
    rewind = Map.copyOf(rewind);
  }

  static BatchOutcome commit(
      Map<TopicPartition, OffsetAndMetadata> offsets, int stored, int stale, int deadLettered) {
    return new BatchOutcome(offsets, Map.of(), stored, stale, deadLettered);
  }

  static BatchOutcome rewind(Map<TopicPartition, Long> offsets) {
    return new BatchOutcome(Map.of(), offsets, 0, 0, 0);
  }

  boolean committed() {
    return !commit.isEmpty();
  }
}
