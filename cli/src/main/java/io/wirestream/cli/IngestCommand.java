package io.wirestream.cli;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.kafka.BrokerCheck;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.FileIngestor;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.feed.FeedParser;
import io.wirestream.ingest.feed.FeedPoller;
import io.wirestream.ingest.format.InputLimits;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream ingest}: publishes article files and RSS/Atom feeds to the raw topic. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads article files and directories, and RSS 2.0/Atom feeds, and publishes them to the raw"
          + " topic.",
      "Formats: seed text (a 'date YYYY-MM-DD' header, then the body) and JSON lines (*.jsonl).",
      "Feeds (--feed, http: or https: URLs; file: with ingest.fetch.allow.file=true) are fetched"
          + " until stopped, or once with --once, each on its own schedule: the feed's ttl and"
          + " sy:updatePeriod, the server's Cache-Control and Expires, and how often new items"
          + " appear, within ingest.feed.min.interval.ms and ingest.feed.max.interval.ms. Requests"
          + " to one host go one at a time, ingest.fetch.host.delay.ms apart, and obey its"
          + " robots.txt and Retry-After; private and loopback addresses are refused unless"
          + " ingest.fetch.allow.private=true.",
      "Bad records are reported as FILE:LINE: reason (FEED#item N: reason) on standard error and"
          + " skipped; so are JSON lines over ingest.max.line.bytes and seed files over"
          + " ingest.max.file.bytes.",
      "Articles the broker does not acknowledge are re-sent with backoff for up to"
          + " ingest.send.give.up.ms; a file counts as done only when all its articles are"
          + " acknowledged (or dead-lettered, if refused for good). Exits 1 if any article could"
          + " not be delivered."
    })
public final class IngestCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

  /** Beyond the give-up time, for the attempt under way when it runs out to end. */
  private static final Duration SETTLE_MARGIN = Duration.ofMinutes(2);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** How often a waiting ingest looks whether it was asked to stop, in nanoseconds. */
  private static final long STOP_CHECK = Duration.ofMillis(200).toNanos();

  /** How long a stopping ingest waits for the broker to acknowledge what it has sent. */
  private static final Duration STOP_SETTLE = Duration.ofSeconds(3);

  @Mixin ConfigOptions config;

  @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Files or directories to read.")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--feed",
      paramLabel = "URL",
      description = "An RSS or Atom feed to poll (repeatable).")
  List<URI> feeds = new ArrayList<>();

  @Option(
      names = "--source",
      description =
          "Source name for records that do not name one (default: 'files' for files, the"
              + " URL's host for feeds).")
  String source;

  @Option(
      names = "--follow",
      description = "Keep running and publish new or changed files as they appear.")
  boolean follow;

  @Option(names = "--once", description = "Read files and fetch feeds a single time, then exit.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    if (inputs.isEmpty() && feeds.isEmpty()) {
      throw new UsageException("nothing to ingest: give files, directories or --feed URLs");
    }
    if (once && follow) {
      throw new UsageException("--once and --follow exclude each other");
    }
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new UsageException("no such file or directory: " + input);
      }
    }
    WirestreamConfig settings = config.load(Map.of());
    for (URI feed : feeds) {
      try {
        FeedPoller.checkUrl(feed, settings.getBoolean(WirestreamConfig.INGEST_FETCH_ALLOW_FILE));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    BrokerCheck.require(settings);
    Topics topics = new Topics(settings);
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }
    PrintWriter err = spec.commandLine().getErr();
    // Feeds are there to be watched, so they keep the command running unless told --once.
    boolean keepRunning = !once && (follow || !feeds.isEmpty());
    try (OpsEndpoint ops = OpsEndpoint.start(settings, keepRunning)) {
      return run(settings, topics, err, keepRunning, ops);
    }
  }

  private int run(
      WirestreamConfig settings,
      Topics topics,
      PrintWriter err,
      boolean keepRunning,
      OpsEndpoint ops)
      throws Exception {
    IngestStats stats = new IngestStats(ops.registry());
    FileIngestor ingestor =
        inputs.isEmpty()
            ? null
            : new FileIngestor(
                inputs, source == null ? "files" : source, InputLimits.from(settings));
    FeedPoller poller =
        feeds.isEmpty()
            ? null
            : FeedPoller.create(feeds, new FeedParser(source), settings, version());
    Duration fileInterval =
        Duration.ofMillis(settings.getLong(WirestreamConfig.INGEST_POLL_INTERVAL_MS));
    int feedFetches = 0;
    int feedFailures = 0;
    Duration giveUp = Duration.ofMillis(settings.getLong(WirestreamConfig.INGEST_SEND_GIVE_UP_MS));
    long pending;
    // SIGTERM: end the current pass, wait briefly for the acknowledgements, print the summary.
    CountDownLatch stop = new CountDownLatch(1);
    GracefulStop.onStop(stop::countDown);
    LOG.info(
        "ingest started: files {}, feeds {}, into {} at {}{}",
        inputs,
        feeds,
        topics.raw().name(),
        settings.getString(WirestreamConfig.BOOTSTRAP_SERVERS),
        keepRunning ? ", following" : "");
    try (ArticlePublisher publisher =
            new ArticlePublisher(settings, topics, stats, Clock.systemUTC());
        FeedPoller closing = poller) {
      ops.watch(publisher);
      do {
        if (ingestor != null) {
          ingestor.pass(publisher, stats, rejected -> err.println("rejected " + rejected));
        }
        if (poller != null) {
          // Fetches run on their own threads: one pass starts what is due and takes in what
          // finished, so a slow feed holds up neither the files nor the other feeds.
          List<FeedPoller.Outcome> outcomes =
              keepRunning
                  ? poller.pollDue(
                      publisher, stats, rejected -> err.println("rejected " + rejected))
                  : poller.pollAll(
                      publisher, stats, rejected -> err.println("rejected " + rejected));
          for (FeedPoller.Outcome outcome : outcomes) {
            feedFetches++;
            stats.countFetch(outcome.status().name());
            if (outcome.failed()) {
              feedFailures++;
            }
          }
        }
        err.flush();
        if (keepRunning) {
          Duration wait = poller == null ? fileInterval : poller.untilNextDue();
          if (ingestor != null && fileInterval.compareTo(wait) < 0) {
            wait = fileInterval;
          }
          long until = System.nanoTime() + wait.toNanos();
          while (stop.getCount() > 0 && System.nanoTime() < until) {
            Duration slice = Duration.ofNanos(Math.min(until - System.nanoTime(), STOP_CHECK));
            if (poller != null) {
              if (poller.awaitFinished(slice)) {
                break;
              }
            } else {
              stop.await(Math.max(1, slice.toMillis()), TimeUnit.MILLISECONDS);
            }
          }
        }
      } while (keepRunning && stop.getCount() > 0);
      Duration settle = stop.getCount() == 0 ? STOP_SETTLE : giveUp.plus(SETTLE_MARGIN);
      if (!publisher.awaitIdle(settle)) {
        LOG.warn(
            "stopped waiting for the broker: {} articles still unacknowledged",
            publisher.pending());
      }
      pending = publisher.pending();
    }
    long undelivered = stats.failed() + pending;
    PrintWriter out = spec.commandLine().getOut();
    if (poller != null) {
      out.printf("feed fetches %d (failed %d), ", feedFetches, feedFailures);
    }
    out.printf(
        "files %d, articles read %d, rejected %d, published %d, failed %d, dead-lettered %d%n",
        stats.files(),
        stats.read(),
        stats.rejected(),
        stats.published(),
        undelivered,
        stats.deadLettered());
    LOG.info("ingest finished: {}", stats);
    if (undelivered > 0) {
      err.printf(
          "wirestream ingest: %d of %d articles could not be delivered to %s (refused on it and"
              + " on the dead-letter topic, or not acknowledged within ingest.send.give.up.ms,"
              + " %d s); see the log%n",
          undelivered, stats.read(), topics.raw().name(), giveUp.toSeconds());
      err.flush();
    }
    return undelivered == 0 && feedFailures == 0 ? 0 : 1;
  }

  private static String version() {
    String version = Wirestream.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
