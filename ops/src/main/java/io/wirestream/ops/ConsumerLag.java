package io.wirestream.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * {@code wirestream.consumer.lag{stage}}: records behind the end of the log, summed over the
 * partitions a stage's consumers hold, from the consumers' own per-partition {@code records-lag}.
 * The per-partition values are in {@code /metrics} too ({@code
 * kafka_consumer_fetch_manager_records_lag}); this one answers "is enrich keeping up?" in one
 * series. No value (NaN) until a consumer holds a partition.
 */
public final class ConsumerLag {

  public static final String NAME = "wirestream.consumer.lag";

  private ConsumerLag() {}

  public static void register(
      MeterRegistry registry, String stage, Supplier<Map<MetricName, ? extends Metric>> metrics) {
    Gauge.builder(NAME, () -> total(metrics.get()))
        .description("Records the stage's consumers are behind, over all their partitions")
        .tag("stage", stage)
        .register(registry);
  }

  static double total(Map<MetricName, ? extends Metric> metrics) {
    double sum = 0;
    boolean any = false;
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      MetricName name = entry.getKey();
      if (name.name().equals("records-lag")
          && name.group().equals("consumer-fetch-manager-metrics")
          && name.tags().containsKey("partition")
          && entry.getValue().metricValue() instanceof Number lag
          && !Double.isNaN(lag.doubleValue())) {
        sum += lag.doubleValue();
        any = true;
      }
    }
    return any ? sum : Double.NaN;
  }
}
