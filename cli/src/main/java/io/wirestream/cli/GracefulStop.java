package io.wirestream.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and Ctrl-C for every command: one shutdown hook tells the running command to stop, waits
 * for it to finish its in-flight work and print its summary, and ends the JVM with the command's
 * own exit code. A JVM stopped by a signal otherwise exits 143, and {@code System.exit} called by
 * the command while the hooks run blocks until they are done.
 */
public final class GracefulStop {

  /** How long the command has, from the signal, before the JVM ends regardless (exit 1). */
  static final Duration GRACE = Duration.ofMillis(4_500);

  private static final List<Runnable> STOPPERS = new CopyOnWriteArrayList<>();
  private static final CountDownLatch FINISHED = new CountDownLatch(1);
  private static volatile boolean requested;
  private static volatile int exitCode = 1;
  private static boolean installed;

  /**
   * True when the JVM is the {@code wirestream} process ({@link Wirestream#main}): only then does
   * the hook wait for the command and end the JVM with its code. A JVM that runs commands in
   * process (the tests) stops them at exit and otherwise ends as it would.
   */
  private static volatile boolean ownsJvm;

  private GracefulStop() {}

  /**
   * Runs {@code stopper} when the JVM is asked to stop. It must only signal (count down a latch,
   * set a flag): the command's own thread does the stopping and then returns its exit code.
   */
  public static synchronized void onStop(Runnable stopper) {
    STOPPERS.add(stopper);
    if (requested) {
      stopper.run();
    }
    if (!installed) {
      installed = true;
      Runtime.getRuntime().addShutdownHook(new Thread(GracefulStop::stop, "wirestream-stop"));
    }
  }

  /** Called by {@link Wirestream#main} before the command runs. */
  static void ownJvm() {
    ownsJvm = true;
  }

  /** True once SIGTERM or Ctrl-C has arrived. */
  public static boolean requested() {
    return requested;
  }

  /** Ends the JVM with {@code code}, or hands the code to the shutdown hook if one is running. */
  static void exit(int code) {
    exitCode = code;
    // The hook, whether a signal started it or the exit below does, has nothing to wait for.
    FINISHED.countDown();
    if (!requested) {
      System.exit(code);
    }
  }

  private static void stop() {
    requested = true;
    for (Runnable stopper : STOPPERS) {
      try {
        stopper.run();
      } catch (RuntimeException e) {
        System.err.println("wirestream: error while stopping: " + e);
      }
    }
    if (!ownsJvm) {
      return;
    }
    boolean finished;
    try {
      finished = FINISHED.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      finished = false;
    }
    if (!finished) {
      System.err.println(
          "wirestream: did not stop within " + GRACE.toMillis() + " ms of the signal; exiting 1");
    }
    System.out.flush();
    System.err.flush();
    // halt, not exit: exit from a shutdown hook blocks, and the hooks have nothing left to do.
    Runtime.getRuntime().halt(finished ? exitCode : 1);
  }
}
