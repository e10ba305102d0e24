package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedScheduleTest {

  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final FeedSchedule.Bounds BOUNDS =
      new FeedSchedule.Bounds(
          Duration.ofMinutes(20), Duration.ofMinutes(5), Duration.ofHours(24), 4);

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    Instant now = START;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final TestClock clock = new TestClock();
  private double jitter = 0.5;
  private final FeedSchedule schedule = new FeedSchedule(BOUNDS, clock, () -> jitter);

  private Duration untilDue(FeedSchedule.State state) {
    return Duration.between(clock.now, state.nextDue());
  }

  @Test
  void shouldWaitTheFirstIntervalWithoutHints() {
    FeedSchedule.State state = schedule.newState();

    schedule.afterSuccess(state, Optional.empty(), 20);

    assertThat(untilDue(state)).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void shouldNeverFetchSoonerThanThePublisherSays() {
    FeedSchedule.State state = schedule.newState();

    schedule.afterSuccess(state, Optional.of(Duration.ofMinutes(90)), 20);

    assertThat(untilDue(state)).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void shouldKeepWithinTheBoundsWhateverThePublisherSays() {
    FeedSchedule.State state = schedule.newState();

    schedule.afterSuccess(state, Optional.of(Duration.ofDays(30)), 1);

    assertThat(untilDue(state)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void shouldFetchBusyFeedsSoonerAndQuietFeedsLater() {
    FeedSchedule.State busy = schedule.newState();
    FeedSchedule.State quiet = schedule.newState();
    schedule.afterSuccess(busy, Optional.empty(), 20);
    schedule.afterSuccess(quiet, Optional.empty(), 20);

    for (int i = 0; i < 3; i++) {
      clock.now = clock.now.plus(Duration.ofMinutes(20));
      schedule.afterSuccess(busy, Optional.empty(), 3);
      schedule.afterSuccess(quiet, Optional.empty(), 0);
    }

    assertThat(untilDue(busy)).isEqualTo(Duration.ofMinutes(5)); // 20 -> 10 -> 5 -> 5 (floor)
    assertThat(untilDue(quiet)).isEqualTo(Duration.ofMillis(Math.round(20 * 60_000 * 3.375)));
    for (int i = 0; i < 20; i++) {
      schedule.afterSuccess(quiet, Optional.empty(), 0);
    }
    assertThat(untilDue(quiet)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void shouldBackOffExponentiallyWithJitterAndNotBeforeRetryAfter() {
    FeedSchedule.State state = schedule.newState();

    jitter = 0.0; // factor 0.75
    schedule.afterFailure(state, false, "HTTP 500", null);
    assertThat(untilDue(state)).isEqualTo(Duration.ofMinutes(15));
    jitter = 0.999_999; // factor just under 1.25
    schedule.afterFailure(state, false, "HTTP 500", null);
    assertThat(untilDue(state)).isBetween(Duration.ofMinutes(49), Duration.ofMinutes(50));
    jitter = 0.5;
    schedule.afterFailure(state, false, "HTTP 429", clock.now.plus(Duration.ofHours(3)));
    assertThat(untilDue(state)).isEqualTo(Duration.ofHours(3));
    assertThat(state.failures()).isEqualTo(3);
    assertThat(state.lastFailure()).isEqualTo("HTTP 429");

    schedule.afterSuccess(state, Optional.empty(), 0);
    assertThat(state.failures()).isZero();
  }

  @Test
  void shouldDisableAGoneFeedAtOnce() {
    FeedSchedule.State state = schedule.newState();

    schedule.afterFailure(state, true, "HTTP 410", null);

    assertThat(state.disabled()).isTrue();
    assertThat(state.disabledReason()).isEqualTo("gone (HTTP 410): HTTP 410");
    assertThat(state.nextDue()).isEqualTo(Instant.MAX);
  }

  @Test
  void shouldDisableAFeedAfterTheConfiguredConsecutiveFailures() {
    FeedSchedule.State state = schedule.newState();
    for (int i = 0; i < 3; i++) {
      schedule.afterFailure(state, false, "HTTP 404", null);
    }
    assertThat(state.disabled()).isFalse();

    schedule.afterFailure(state, false, "connection refused", null);

    assertThat(state.disabledReason())
        .isEqualTo("4 consecutive failures, the last: connection refused");
  }

  @Test
  void shouldWaitForABusyHostWithoutCountingAFailure() {
    FeedSchedule.State state = schedule.newState();

    schedule.deferredUntil(state, clock.now.plusSeconds(30));

    assertThat(untilDue(state)).isEqualTo(Duration.ofSeconds(30));
    assertThat(state.failures()).isZero();
  }
}
