package io.wirestream.enrich;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.errors.TaskMigratedException;

/**
 * Decides whether a stream thread that died may be replaced. Only a failure that a fresh thread can
 * get past (the broker unreachable for longer than the clients wait, a task to recover) is worth a
 * replacement, and only a few times in a window: a failure that keeps coming back is a fault of the
 * application or its data, and replacing the thread would only repeat it.
 */
final class ThreadReplacements {

  static final int MAX_REPLACEMENTS = 3;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final Clock clock;
  private final int max;
  private final Duration window;
  private final Deque<Instant> recent = new ArrayDeque<>();

  ThreadReplacements(Clock clock, int max, Duration window) {
    this.clock = clock;
    this.max = max;
    this.window = window;
  }

  ThreadReplacements() {
    this(Clock.systemUTC(), MAX_REPLACEMENTS, WINDOW);
  }

  /** True if the thread may be replaced; counts the replacement. */
  synchronized boolean allow(Throwable error) {
    if (!retriable(error)) {
      return false;
    }
    Instant now = clock.instant();
    while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
      recent.removeFirst();
    }
    if (recent.size() >= max) {
      return false;
    }
    recent.addLast(now);
    return true;
  }

  static boolean retriable(Throwable error) {
    int depth = 0;
    for (Throwable e = error; e != null && depth < 10; e = e.getCause(), depth++) {
      if (e instanceof RetriableException
          || e instanceof TaskMigratedException
          || e instanceof TaskCorruptedException) {
        return true;
      }
    }
    return false;
  }
}
