package io.wirestream.sink;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff between retries of a failing database or dead-letter write. It keeps growing
 * across polls while the database stays down and starts over after a success. With jitter, each
 * wait is shortened by a random part of itself, so that sinks which failed together do not all
 * retry at the same instant.
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
  private final double jitter;
  private Duration next;

  Backoff(Duration initial, Duration max, Pause pause) {
    this(initial, max, 0, pause);
  }

  /**
   * @param jitter the largest part of each delay (0 to 1) that may randomly be left out
   */
  Backoff(Duration initial, Duration max, double jitter, Pause pause) {
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be within [0, 1]: " + jitter);
    }
    this.initial = initial;
    this.max = max;
    this.pause = pause;
    this.jitter = jitter;
    this.next = initial;
  }

  /** Waits the current delay and doubles it up to the maximum; false if shutting down. */
  boolean pause() {
    Duration delay = next;
    if (jitter > 0) {
      long millis = delay.toMillis();
      delay =
          Duration.ofMillis(
              millis - (long) (millis * jitter * ThreadLocalRandom.current().nextDouble()));
    }
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
