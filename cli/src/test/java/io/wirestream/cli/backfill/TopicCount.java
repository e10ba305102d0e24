package io.wirestream.cli.backfill;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.kafka.offsets.OffsetRanges;
import io.wirestream.common.kafka.offsets.PartitionRange;
import org.apache.kafka.clients.admin.Admin;

/** Offsets a topic holds, summed over its partitions. */
final class TopicCount {

  private TopicCount() {}

  static long records(WirestreamConfig config, String topic) throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      return OffsetRanges.plan(admin, topic, null, null).stream()
          .mapToLong(PartitionRange::count)
          .sum();
    }
  }
}
