package io.wirestream.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BrokerWatchTest {

  private final AtomicReference<Double> connections = new AtomicReference<>(1.0);
  private final Map<MetricName, Metric> metrics =
      Map.of(
          new MetricName("connection-count", "consumer-metrics", "", Map.of()),
          new Metric() {
            @Override
            public MetricName metricName() {
              return new MetricName("connection-count", "consumer-metrics", "", Map.of());
            }

            @Override
            public Object metricValue() {
              return connections.get();
            }
          });
  private final BrokerWatch watch =
      new BrokerWatch(() -> metrics, LoggerFactory.getLogger(BrokerWatchTest.class), "test", 10);

  @Test
  void shouldCallTheBrokerLostOnlyAfterSeveralChecksWithoutAConnectionAndBackWhenOneReturns() {
    watch.check(100);
    connections.set(0.0);
    watch.check(200);
    watch.check(300);
    assertThat(watch.lost()).isFalse();
    watch.check(400);
    assertThat(watch.lost()).isTrue();

    connections.set(2.0);
    watch.check(500);
    assertThat(watch.lost()).isFalse();
  }

  @Test
  void shouldCheckAtMostOncePerInterval() {
    connections.set(0.0);
    for (int i = 0; i < 10; i++) {
      watch.check(1000 + i);
    }
    assertThat(watch.lost()).isFalse();
  }
}
