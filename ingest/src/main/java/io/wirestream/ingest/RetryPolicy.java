package io.wirestream.ingest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to send a record again after the broker did not acknowledge it, and when to stop trying.
 *
 * <p>The delay doubles per attempt up to {@code maxBackoff}, and each is drawn between half and all
 * of that, so that producers that lost the same broker do not all come back in the same instant.
 *
 * @param firstBackoff delay before the second attempt
 * @param maxBackoff longest delay between attempts
 * @param giveUp how long after its first attempt a record is counted as not delivered
 */
public record RetryPolicy(Duration firstBackoff, Duration maxBackoff, Duration giveUp) {

  static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  public RetryPolicy {
    if (firstBackoff.isNegative()
        || firstBackoff.isZero()
        || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("need 0 < firstBackoff <= maxBackoff");
    }
  }

  /** The default backoff, giving up after {@code giveUp}. */
  public static RetryPolicy givingUpAfter(Duration giveUp) {
    return new RetryPolicy(FIRST_BACKOFF, MAX_BACKOFF, giveUp);
  }

  /** Delay before attempt {@code failures + 1}, after {@code failures} (at least 1) failed. */
  Duration backoff(int failures) {
    long ceiling = firstBackoff.toMillis() << Math.min(failures - 1, 20);
    ceiling = Math.min(Math.max(ceiling, firstBackoff.toMillis()), maxBackoff.toMillis());
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
  }

  boolean exhausted(long firstAttemptNanos, long nowNanos) {
    return nowNanos - firstAttemptNanos >= giveUp.toNanos();
  }
}
