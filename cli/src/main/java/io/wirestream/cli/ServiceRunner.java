package io.wirestream.cli;

import io.wirestream.common.dlq.ErrorSummary;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps a long-running service up until the JVM is asked to stop (Ctrl-C, SIGTERM) or the service
 * ends by itself, then closes it.
 */
final class ServiceRunner {

  private ServiceRunner() {}

  /**
   * @param ended counted down by the service when it stops on its own (e.g. after a fatal error)
   */
  static void runUntilStopped(AutoCloseable service, CountDownLatch ended) throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              try {
                service.close();
              } catch (Exception e) {
                System.err.println("wirestream: error while stopping: " + ErrorSummary.of(e));
              } finally {
                closed.countDown();
              }
            },
            "wirestream-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ended.await();
    // The service ended by itself: close it here, unless shutdown is already doing so.
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      service.close();
    } catch (IllegalStateException shuttingDown) {
      closed.await();
    }
  }
}
