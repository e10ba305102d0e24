package io.wirestream.cli.backfill;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a job is: on a terminal a bar redrawn in place with {@code \r}; elsewhere (a log, a
 * pipe) one line every few seconds, so that a log file does not fill with redraws.
 *
 * <p>The rate is over the whole run so far, which a short pause in the input does not throw off.
 */
final class ProgressBar {

  static final Duration LINE_EVERY = Duration.ofSeconds(5);
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private final String label;
  private final LongSupplier nanos;
  private final long started;
  private long lastLine = Long.MIN_VALUE;
  private int drawnLength;

  ProgressBar(PrintWriter out, boolean terminal, String label, LongSupplier nanos) {
    this.out = out;
    this.terminal = terminal;
    this.label = label;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
  }

  /** A bar on stderr, redrawn in place when stderr's JVM has a console. */
  static ProgressBar onStderr(PrintWriter err, String label) {
    return new ProgressBar(err, System.console() != null, label, System::nanoTime);
  }

  void update(long done, long total) {
    long now = nanos.getAsLong();
    if (terminal) {
      String line = render(done, total, now);
      out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
      drawnLength = line.length();
      out.flush();
    } else if (lastLine == Long.MIN_VALUE || now - lastLine >= LINE_EVERY.toNanos()) {
      lastLine = now;
      out.println(render(done, total, now));
      out.flush();
    }
  }

  /** The last state, always shown, ending the line. */
  void finish(long done, long total) {
    String line = render(done, total, nanos.getAsLong());
    if (terminal) {
      out.println("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Records per second since the start. */
  double rate(long done) {
    double seconds = (nanos.getAsLong() - started) / 1e9;
    return seconds <= 0 ? 0 : done / seconds;
  }

  String render(long done, long total, long now) {
    double seconds = (now - started) / 1e9;
    double rate = seconds <= 0 ? 0 : done / seconds;
    double share = total == 0 ? 1 : Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(share * WIDTH);
    String eta;
    if (done >= total) {
      eta = "done";
    } else if (rate <= 0) {
      eta = "ETA --:--";
    } else {
      eta = "ETA " + clock(Math.round((total - done) / rate));
    }
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %,d/%,d %3d%% %,.0f rec/s %s",
        label,
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        done,
        total,
        Math.round(share * 100),
        rate,
        eta);
  }

  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = (seconds % 3600) / 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }
}
