package io.wirestream.ingest.feed;

import io.wirestream.common.config.WirestreamConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When each feed is fetched next. A feed's interval starts at the configured first interval and
 * adapts to what the fetches find: halved after one with new items, half as long again after one
 * without, so busy feeds are fetched sooner and quiet ones later. It is never shorter than the
 * publisher's own hints ({@link Freshness}) and always within the configured bounds.
 *
 * <p>A failed fetch waits the first interval doubled per consecutive failure, up to the longest
 * interval, jittered by ±25% so that feeds that failed together do not come back together, and
 * never before the host's Retry-After. HTTP 410 Gone disables a feed at once; so does the last of
 * {@code maxFailures} consecutive failures. The reason is kept on the feed's {@link State}.
 *
 * <p>Pure but for the clock and the jitter, both given; not thread-safe (one thread schedules).
 */
public final class FeedSchedule {

  /**
   * @param initial the first interval of a feed, and the base of the failure backoff
   * @param min the shortest interval, however busy the feed
   * @param max the longest interval and backoff, however quiet the feed or long the Retry-After
   * @param maxFailures consecutive failures after which a feed is disabled
   */
  public record Bounds(Duration initial, Duration min, Duration max, int maxFailures) {

    public static Bounds from(WirestreamConfig config) {
      return new Bounds(
          Duration.ofMillis(config.getLong(WirestreamConfig.INGEST_FEED_POLL_INTERVAL_MS)),
          Duration.ofMillis(config.getLong(WirestreamConfig.INGEST_FEED_MIN_INTERVAL_MS)),
          Duration.ofMillis(config.getLong(WirestreamConfig.INGEST_FEED_MAX_INTERVAL_MS)),
          config.getInt(WirestreamConfig.INGEST_FEED_MAX_FAILURES));
    }
  }

  /** One feed's schedule: its learned interval, failures, next due time and why it is disabled. */
  public static final class State {
    Duration interval;
    int failures;
    Instant lastSuccess;
    Instant nextDue = Instant.MIN;
    String lastFailure;
    String disabledReason;

    State(Duration interval) {
      this.interval = interval;
    }

    public Instant nextDue() {
      return nextDue;
    }

    public Duration interval() {
      return interval;
    }

    public int failures() {
      return failures;
    }

    public boolean disabled() {
      return disabledReason != null;
    }

    /** Why the feed was disabled, or null while it is not. */
    public String disabledReason() {
      return disabledReason;
    }

    /** The reason of the last failure, or null. */
    public String lastFailure() {
      return lastFailure;
    }
  }

  private final Bounds bounds;
  private final Clock clock;
  private final DoubleSupplier random;

  /**
   * @param random uniform in [0, 1), for the jitter
   */
  public FeedSchedule(Bounds bounds, Clock clock, DoubleSupplier random) {
    this.bounds = bounds;
    this.clock = clock;
    this.random = random;
  }

  public State newState() {
    return new State(clamp(bounds.initial()));
  }

  /**
   * After a fetch that worked (new items, none, or not modified).
   *
   * @param publisherHint the longest of the feed's freshness hints, if any
   * @param newItems items this fetch found that earlier ones had not
   */
  public Instant afterSuccess(State state, Optional<Duration> publisherHint, int newItems) {
    Instant now = clock.instant();
    if (state.lastSuccess != null) {
      // The first fetch finds everything new: it says nothing about the rate.
      state.interval =
          clamp(
              newItems > 0
                  ? state.interval.dividedBy(2)
                  : state.interval.multipliedBy(3).dividedBy(2));
    }
    state.failures = 0;
    state.lastFailure = null;
    state.lastSuccess = now;
    Duration delay = state.interval;
    if (publisherHint.isPresent() && publisherHint.get().compareTo(delay) > 0) {
      delay = publisherHint.get();
    }
    state.nextDue = now.plus(clamp(delay));
    return state.nextDue;
  }

  /**
   * After a failed fetch.
   *
   * @param gone HTTP 410: disables the feed at once
   * @param retryAt when the host said it may be asked again, or null
   */
  public Instant afterFailure(State state, boolean gone, String reason, Instant retryAt) {
    Instant now = clock.instant();
    state.failures++;
    state.lastFailure = reason;
    if (gone) {
      return disable(state, "gone (HTTP 410): " + reason);
    }
    if (state.failures >= bounds.maxFailures()) {
      return disable(state, state.failures + " consecutive failures, the last: " + reason);
    }
    Duration backoff = bounds.initial().multipliedBy(1L << Math.min(state.failures - 1, 30));
    if (backoff.compareTo(bounds.max()) > 0 || backoff.isNegative()) {
      backoff = bounds.max();
    }
    double factor = 0.75 + 0.5 * random.getAsDouble();
    Duration delay = Duration.ofMillis(Math.round(backoff.toMillis() * factor));
    if (retryAt != null && retryAt.isAfter(now.plus(delay))) {
      delay = Duration.between(now, retryAt);
    }
    if (delay.compareTo(bounds.max()) > 0) {
      delay = bounds.max();
    }
    state.nextDue = now.plus(delay);
    return state.nextDue;
  }

  /** The host cannot be asked before then (its pause, Retry-After): not the feed's failure. */
  public Instant deferredUntil(State state, Instant until) {
    Instant latest = clock.instant().plus(bounds.max());
    state.nextDue = until.isAfter(latest) ? latest : until;
    return state.nextDue;
  }

  private Instant disable(State state, String reason) {
    state.disabledReason = reason;
    state.nextDue = Instant.MAX;
    return state.nextDue;
  }

  private Duration clamp(Duration d) {
    if (d.compareTo(bounds.min()) < 0) {
      d = bounds.min();
    }
    return d.compareTo(bounds.max()) > 0 ? bounds.max() : d;
  }
}
