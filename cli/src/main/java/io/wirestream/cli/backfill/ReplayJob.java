package io.wirestream.cli.backfill;

import io.wirestream.cli.GracefulStop;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.kafka.offsets.GroupOffsets;
import io.wirestream.common.kafka.offsets.PartitionRange;
import io.wirestream.enrich.EnrichService;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.enrich.topology.ReplayFilter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs a replay's enrich application and watches its committed offsets until they reach the end of
 * the range: progress is what the group has committed, i.e. what is durably in news.enriched, not
 * what a thread has merely read.
 */
final class ReplayJob {

  static final Duration CHECK_EVERY = Duration.ofMillis(500);

  private final WirestreamConfig settings;
  private final Admin admin;
  private final String application;
  private final int version;
  private final List<PartitionRange> ranges;
  private final ReplayFilter filter;

  ReplayJob(
      WirestreamConfig settings,
      Admin admin,
      String application,
      int version,
      List<PartitionRange> ranges,
      ReplayFilter filter) {
    this.settings = settings;
    this.admin = admin;
    this.application = application;
    this.version = version;
    this.ranges = ranges;
    this.filter = filter;
  }

  int run(PrintWriter out, PrintWriter err, boolean follow) throws Exception {
    long total = ranges.stream().mapToLong(PartitionRange::count).sum();
    err.printf(
        Locale.ROOT,
        "replay: %d records of %d partitions into version %d as application %s%n",
        total,
        ranges.size(),
        version,
        application);
    err.flush();
    EnrichService service = new EnrichService(settings, NlpPipeline.from(settings), filter);
    CountDownLatch stopped = new CountDownLatch(1);
    service.onStop(stopped::countDown);
    // SIGTERM: close on this thread (the committed offsets are where a new run resumes).
    GracefulStop.onStop(stopped::countDown);
    ProgressBar bar = ProgressBar.onStderr(err, "replay v" + version);
    long done = 0;
    try {
      service.start();
      while (true) {
        done = done();
        if (done >= total) {
          break;
        }
        bar.update(done, total);
        if (stopped.await(CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
          bar.finish(done, total);
          if (GracefulStop.requested()) {
            err.printf(
                Locale.ROOT,
                "replay: stopped on request at %d of %d records; its committed offsets are kept%n",
                done,
                total);
            err.flush();
            return 0;
          }
          throw new IllegalStateException(
              "replay stopped at "
                  + done
                  + " of "
                  + total
                  + " records: "
                  + service.failure().orElse(describe(service.state())));
        }
      }
      bar.finish(done, total);
      out.printf(
          Locale.ROOT,
          "replayed %d records into enrichment version %d (application %s, %.0f rec/s)%n",
          total,
          version,
          application,
          bar.rate(total));
      out.flush();
      if (follow) {
        err.println(
            "replay: caught up; following news.raw as the live enrich of version "
                + version
                + " (Ctrl-C to stop)");
        err.flush();
        stopped.await();
        if (!GracefulStop.requested() && service.failure().isPresent()) {
          throw new IllegalStateException("enrich stopped: " + service.failure().get());
        }
      }
      return 0;
    } finally {
      service.close();
    }
  }

  private long done() throws Exception {
    Map<TopicPartition, Long> committed = GroupOffsets.committed(admin, application);
    long done = 0;
    for (PartitionRange range : ranges) {
      Long position = committed.get(range.partition());
      done += position == null ? 0 : range.doneAt(position);
    }
    return done;
  }

  private static String describe(KafkaStreams.State state) {
    return "enrich is " + state + " (see the log above)";
  }
}
