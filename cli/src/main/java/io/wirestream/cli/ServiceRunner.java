package io.wirestream.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a long-running service up until the JVM is asked to stop (Ctrl-C, SIGTERM) or the service
 * ends by itself, then closes it on the command's thread, so that the command can still print and
 * return its exit code (see {@link GracefulStop}).
 */
final class ServiceRunner {

  private ServiceRunner() {}

  /**
   * @param ended counted down by the service when it stops on its own (e.g. after a fatal error)
   */
  static void runUntilStopped(AutoCloseable service, CountDownLatch ended) throws Exception {
    GracefulStop.onStop(ended::countDown);
    try {
      ended.await();
    } finally {
      service.close();
    }
  }
}
