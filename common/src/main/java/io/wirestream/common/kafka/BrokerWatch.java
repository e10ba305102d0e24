package io.wirestream.common.kafka;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;

/**
 * Tells the operator when a service's Kafka clients have lost every broker connection and when they
 * have one again. Kafka clients retry quietly, so without this a service waiting on a dead broker
 * looks idle. Reads the clients' own {@code connection-count} metric; a count of zero on several
 * checks in a row means the broker is gone (one zero is a normal reconnect).
 */
public final class BrokerWatch {

  public static final int CHECKS_BEFORE_LOST = 3;

  private final Supplier<Map<MetricName, ? extends Metric>> metrics;
  private final Logger log;
  private final String who;
  private final long intervalMillis;
  private long lastCheck;
  private int silentChecks;
  private volatile boolean lost;

  public BrokerWatch(
      Supplier<Map<MetricName, ? extends Metric>> metrics,
      Logger log,
      String who,
      long intervalMillis) {
    this.metrics = metrics;
    this.log = log;
    this.who = who;
    this.intervalMillis = intervalMillis;
  }

  /** True while the broker is considered lost. */
  public boolean lost() {
    return lost;
  }

  /** Checks the connections, at most once per interval. */
  public void check(long nowMillis) {
    if (nowMillis - lastCheck < intervalMillis) {
      return;
    }
    lastCheck = nowMillis;
    double connections = connections(metrics.get());
    if (connections > 0) {
      silentChecks = 0;
      if (lost) {
        lost = false;
        log.info("{} reconnected to the broker; resumed", who);
      }
    } else if (++silentChecks >= CHECKS_BEFORE_LOST && !lost) {
      lost = true;
      log.info("{} lost the broker; retrying until it is back", who);
    }
  }

  static double connections(Map<MetricName, ? extends Metric> metrics) {
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      if (entry.getKey().name().equals("connection-count")
          && entry.getValue().metricValue() instanceof Number count) {
        total += count.doubleValue();
      }
    }
    return total;
  }
}
