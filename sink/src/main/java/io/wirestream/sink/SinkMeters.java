package io.wirestream.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wirestream.common.dlq.Stage;
import io.wirestream.ops.PipelineMeters;
import java.time.Duration;
import java.util.List;

/**
 * The sink's meters: pipeline counts of stage {@code sink} (in: records polled, a batch consumed
 * again after a failure counting again; out: articles written; dead-lettered, reason {@code sink}),
 * articles skipped because the store holds a newer version, the size and time of each committed
 * batch, and store or dead-letter retries.
 */
final class SinkMeters {

  static final String BATCH_SIZE = "wirestream.sink.batch.size";
  static final String BATCH_LATENCY = "wirestream.sink.batch.latency";
  static final String RETRIES = "wirestream.sink.retries";
  static final String STALE = "wirestream.sink.stale";

  private final PipelineMeters pipeline;
  private final DistributionSummary batchSize;
  private final Timer batchLatency;
  private final Counter retries;
  private final Counter stale;

  SinkMeters(MeterRegistry registry) {
    this.pipeline =
        new PipelineMeters(registry, Stage.SINK.label())
            .declare(List.of(), List.of(Stage.SINK.label()));
    this.batchSize =
        DistributionSummary.builder(BATCH_SIZE)
            .description("Records in each committed batch")
            .baseUnit("records")
            .serviceLevelObjectives(1, 10, 50, 100, 250, 500, 1000, 5000)
            .register(registry);
    this.batchLatency =
        Timer.builder(BATCH_LATENCY)
            .description("Time from a batch's poll to its committed offsets, retries included")
            .serviceLevelObjectives(
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                Duration.ofMillis(250),
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30))
            .register(registry);
    this.retries =
        Counter.builder(RETRIES)
            .description("Store writes and dead-letter sends tried again after a failure")
            .register(registry);
    this.stale =
        Counter.builder(STALE)
            .description(
                "Articles skipped: the store already holds a newer enrichment version or revision")
            .register(registry);
  }

  void polled(int records) {
    pipeline.in(records);
  }

  void batchCommitted(int records, long stored, long staleRecords, long deadLettered, long nanos) {
    batchSize.record(records);
    batchLatency.record(Duration.ofNanos(nanos));
    pipeline.out(stored);
    stale.increment(staleRecords);
    if (deadLettered > 0) {
      pipeline.deadLettered(Stage.SINK.label(), deadLettered);
    }
  }

  void retried() {
    retries.increment();
  }
}
