package io.wirestream.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a long-running service up until the JVM is asked to stop, then closes it. */
final class ServiceRunner {

  private ServiceRunner() {}

  static void runUntilStopped(AutoCloseable service) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              try {
                service.close();
              } catch (Exception e) {
                System.err.println("wirestream: error while stopping: " + e);
              } finally {
                stopped.countDown();
              }
            },
            "wirestream-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
  }
}
