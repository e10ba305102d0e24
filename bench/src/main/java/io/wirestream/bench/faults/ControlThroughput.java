package io.wirestream.bench.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How fast the control stories got through: from the first one's ingest to the last one's
 * enrichment ({@code perSecond}); between the first and the last enrichment ({@code
 * enrichedPerSecond}, the pace once the pipeline reached them, which hostile inputs ahead of them
 * must not slow); and each one's latency from ingest to enrichment.
 */
public record ControlThroughput(
    int controls,
    int timed,
    Duration window,
    double perSecond,
    double enrichedPerSecond,
    Duration p50,
    Duration p95,
    Duration max) {

  /** Over all controls; empty when fewer than two stored controls carry both timestamps. */
  public static Optional<ControlThroughput> of(
      List<ManifestEntry> manifest, Map<String, Observations.StoredRow> stored) {
    return of(manifest, stored, e -> true);
  }

  /**
   * Over the controls in files that hold nothing else: at the end of the inputs, they queue behind
   * every hostile one.
   */
  public static Optional<ControlThroughput> ofQueuedBehind(
      List<ManifestEntry> manifest, Map<String, Observations.StoredRow> stored) {
    Set<String> mixed = new HashSet<>();
    manifest.stream().filter(e -> !e.isControl()).forEach(e -> mixed.add(e.file()));
    return of(manifest, stored, e -> !mixed.contains(e.file()));
  }

  static Optional<ControlThroughput> of(
      List<ManifestEntry> manifest,
      Map<String, Observations.StoredRow> stored,
      Predicate<ManifestEntry> which) {
    Instant first = null;
    Instant firstEnriched = null;
    Instant last = null;
    List<Duration> latencies = new ArrayList<>();
    int controls = 0;
    for (ManifestEntry entry : manifest) {
      if (!entry.isControl() || !which.test(entry)) {
        continue;
      }
      controls++;
      Observations.StoredRow row =
          entry.ids().stream().map(stored::get).filter(r -> r != null).findFirst().orElse(null);
      if (row == null || row.ingestedAt() == null || row.processedAt() == null) {
        continue;
      }
      first = earliest(first, row.ingestedAt());
      firstEnriched = earliest(firstEnriched, row.processedAt());
      last = last == null || row.processedAt().isAfter(last) ? row.processedAt() : last;
      latencies.add(Duration.between(row.ingestedAt(), row.processedAt()));
    }
    if (latencies.size() < 2) {
      return Optional.empty();
    }
    latencies.sort(null);
    Duration window = Duration.between(first, last);
    double seconds = Math.max(window.toNanos(), 1) / 1e9;
    double enriching = Math.max(Duration.between(firstEnriched, last).toNanos(), 1) / 1e9;
    return Optional.of(
        new ControlThroughput(
            controls,
            latencies.size(),
            window,
            latencies.size() / seconds,
            (latencies.size() - 1) / enriching,
            percentile(latencies, 50),
            percentile(latencies, 95),
            latencies.get(latencies.size() - 1)));
  }

  private static Instant earliest(Instant soFar, Instant next) {
    return soFar == null || next.isBefore(soFar) ? next : soFar;
  }

  private static Duration percentile(List<Duration> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
