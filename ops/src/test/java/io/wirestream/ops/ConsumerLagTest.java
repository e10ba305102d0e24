package io.wirestream.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

  private static final String GROUP = "consumer-fetch-manager-metrics";

  private static Metric value(double v) {
    return new Metric() {
      @Override
      public MetricName metricName() {
        return null;
      }

      @Override
      public Object metricValue() {
        return v;
      }
    };
  }

  private static MetricName name(String name, Map<String, String> tags) {
    return new MetricName(name, GROUP, "", tags);
  }

  @Test
  void shouldSumThePerPartitionLagOfEveryConsumer() {
    Map<MetricName, Metric> metrics = new HashMap<>();
    metrics.put(
        name("records-lag", Map.of("client-id", "a", "topic", "news.raw", "partition", "0")),
        value(7));
    metrics.put(
        name("records-lag", Map.of("client-id", "b", "topic", "news.raw", "partition", "1")),
        value(5));
    // The per-client maximum repeats a partition's lag and must not be added again.
    metrics.put(name("records-lag-max", Map.of("client-id", "a")), value(7));
    metrics.put(
        name("records-lag", Map.of("client-id", "c", "topic", "news.raw", "partition", "2")),
        value(Double.NaN));

    assertThat(ConsumerLag.total(metrics)).isEqualTo(12);
  }

  @Test
  void shouldHaveNoValueBeforeAnyPartitionIsHeld() {
    assertThat(ConsumerLag.total(Map.of())).isNaN();
  }
}
