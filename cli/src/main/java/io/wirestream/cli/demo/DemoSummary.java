package io.wirestream.cli.demo;

import io.wirestream.common.config.Secrets;
import java.util.Locale;

/**
 * What one demo run did.
 *
 * @param read articles accepted at input and handed to the broker
 * @param stale articles the sink skipped because the store held a newer enrichment of them
 * @param notDelivered accepted articles the broker never acknowledged (given up on, or still being
 *     re-sent when the demo stopped waiting)
 * @param unaccounted accepted articles neither stored (nor skipped as stale) nor dead-lettered
 */
public record DemoSummary(
    long read,
    long rejected,
    long stored,
    long deadLettered,
    long entities,
    long dates,
    double seconds,
    String store,
    long stale,
    long notDelivered,
    long unaccounted) {

  /** Builds the summary, counting as unaccounted whatever the counts of outcomes do not cover. */
  static DemoSummary of(
      long read,
      long rejected,
      long stored,
      long stale,
      long deadLettered,
      long notDelivered,
      long entities,
      long dates,
      double seconds,
      String store) {
    long unaccounted = Math.max(0, read - stored - stale - deadLettered);
    return new DemoSummary(
        read,
        rejected,
        stored,
        deadLettered,
        entities,
        dates,
        seconds,
        store,
        stale,
        Math.min(notDelivered, unaccounted),
        unaccounted);
  }

  /** Every accepted article ended stored or dead-lettered: the only outcome worth exit code 0. */
  public boolean complete() {
    return unaccounted == 0;
  }

  public double articlesPerSecond() {
    return seconds <= 0 ? 0 : (stored + deadLettered) / seconds;
  }

  /** Why the run is not complete, for standard error; null when it is. */
  public String problem() {
    if (complete()) {
      return null;
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%d of %d accepted articles were neither stored nor dead-lettered",
                unaccounted,
                read));
    if (notDelivered > 0) {
      text.append(
          String.format(Locale.ROOT, " (%d never acknowledged by the broker)", notDelivered));
    }
    return text.append(" when the demo stopped waiting; see the log above").toString();
  }

  @Override
  public String toString() {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "articles read %d (rejected at input %d), stored %d, dead-lettered %d, entities %d,"
                    + " dates %d, %.1f s, %.1f articles/s",
                read,
                rejected,
                stored,
                deadLettered,
                entities,
                dates,
                seconds,
                articlesPerSecond()));
    if (stale > 0) {
      line.append(", skipped as stale ").append(stale);
    }
    if (unaccounted > 0) {
      line.append(", unaccounted ").append(unaccounted);
    }
    return line.append(String.format("%nstore: %s", Secrets.mask(store))).toString();
  }
}
