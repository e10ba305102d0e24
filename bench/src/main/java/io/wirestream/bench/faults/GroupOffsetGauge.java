package io.wirestream.bench.faults;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The sum of a consumer group's committed offsets: the sink commits only after its store write, so
 * this counts its progress even while the store itself cannot be read. -1 while unknown.
 */
final class GroupOffsetGauge implements LongSupplier, AutoCloseable {

  private final String group;
  private final Admin admin;

  GroupOffsetGauge(String bootstrap, String group) {
    this.group = group;
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("request.timeout.ms", "4000");
    props.put("default.api.timeout.ms", "5000");
    this.admin = Admin.create(props);
  }

  @Override
  public long getAsLong() {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      return offsets.values().stream()
          .filter(o -> o != null)
          .mapToLong(OffsetAndMetadata::offset)
          .sum();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return -1;
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
