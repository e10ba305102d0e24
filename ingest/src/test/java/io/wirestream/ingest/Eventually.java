package io.wirestream.ingest;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another thread (the publisher's re-sender) does, for a bounded time. */
public final class Eventually {

  private Eventually() {}

  public static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(2);
    }
  }
}
