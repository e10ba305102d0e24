package io.wirestream.bench.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How fast the control stories got through: from the first one's ingest to the last one's
 * enrichment, and each one's latency from ingest to enrichment.
 */
public record ControlThroughput(
    int controls,
    int timed,
    Duration window,
    double perSecond,
    Duration p50,
    Duration p95,
    Duration max) {

  /** Empty when fewer than two stored controls carry both timestamps. */
  public static Optional<ControlThroughput> of(
      List<ManifestEntry> manifest, Map<String, Observations.StoredRow> stored) {
    Instant first = null;
    Instant last = null;
    List<Duration> latencies = new ArrayList<>();
    int controls = 0;
    for (ManifestEntry entry : manifest) {
      if (!entry.isControl()) {
        continue;
      }
      controls++;
      Observations.StoredRow row =
          entry.ids().stream().map(stored::get).filter(r -> r != null).findFirst().orElse(null);
      if (row == null || row.ingestedAt() == null || row.processedAt() == null) {
        continue;
      }
      first = first == null || row.ingestedAt().isBefore(first) ? row.ingestedAt() : first;
      last = last == null || row.processedAt().isAfter(last) ? row.processedAt() : last;
      latencies.add(Duration.between(row.ingestedAt(), row.processedAt()));
    }
    if (latencies.size() < 2) {
      return Optional.empty();
    }
    latencies.sort(null);
    Duration window = Duration.between(first, last);
    double seconds = Math.max(window.toNanos(), 1) / 1e9;
    return Optional.of(
        new ControlThroughput(
            controls,
            latencies.size(),
            window,
            latencies.size() / seconds,
            percentile(latencies, 50),
            percentile(latencies, 95),
            latencies.get(latencies.size() - 1)));
  }

  private static Duration percentile(List<Duration> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
