package io.wirestream.sink;

import java.time.Duration;

/**
 * Exponential backoff between retries of a failing database write. It keeps growing across polls
 * while the database stays down and starts over after a success.
 */
final class Backoff {

  /** Waits between retries; returns false when the service is shutting down instead. */
  @FunctionalInterface
  interface Pause {
    boolean pause(Duration delay);
  }

  private final Duration initial;
  private final Duration max;
  private final Pause pause;
  private Duration next;

  Backoff(Duration initial, Duration max, Pause pause) {
    this.initial = initial;
    this.max = max;
    this.pause = pause;
    this.next = initial;
  }

  /** Waits the current delay and doubles it up to the maximum; false if shutting down. */
  boolean pause() {
    Duration delay = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return pause.pause(delay);
  }

  void reset() {
    next = initial;
  }

  Duration nextDelay() {
    return next;
  }
}
