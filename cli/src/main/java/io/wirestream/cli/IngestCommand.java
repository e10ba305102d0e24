package io.wirestream.cli;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.kafka.BrokerCheck;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.ArticleSource;
import io.wirestream.ingest.IngestService;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.feed.FeedPoller;
import io.wirestream.ingest.registry.RegisteredFeedSource;
import io.wirestream.ingest.sitemap.SitemapSource;
import io.wirestream.ingest.source.FeedSource;
import io.wirestream.ingest.source.Sources;
import io.wirestream.ingest.source.StdinSource;
import io.wirestream.ingest.state.KafkaIngestState;
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
      "Reads article files and directories, standard input (-, JSON lines), and RSS 2.0, RSS 1.0,"
          + " Atom and JSON Feed feeds, and publishes them to the raw topic.",
      "Formats: seed text (a 'date YYYY-MM-DD' header, then the body) and JSON lines (*.jsonl).",
      "Feeds (--feed, or --feeds FILE: OPML or one URL a line; http: or https: URLs; file: with"
          + " ingest.fetch.allow.file=true) are fetched"
          + " until stopped, or once with --once, each on its own schedule: the feed's ttl and"
          + " sy:updatePeriod, the server's Cache-Control and Expires, and how often new items"
          + " appear, within ingest.feed.min.interval.ms and ingest.feed.max.interval.ms. Requests"
          + " to one host go one at a time, ingest.fetch.host.delay.ms apart, and obey its"
          + " robots.txt and Retry-After; private and loopback addresses are refused unless"
          + " ingest.fetch.allow.private=true.",
      "Sitemaps (--sitemap URL: XML sitemaps, sitemap indexes, gzip, Google News sitemaps) are"
          + " read every ingest.feed.poll.interval.ms (once with --once); each page not seen before"
          + " is fetched through the same politeness rules and its article extracted. news:title and"
          + " news:publication_date win over the page's own.",
      "Bad records are reported as FILE:LINE: reason (FEED#item N: reason) on standard error and"
          + " on the dead-letter topic, and skipped; so are JSON lines over ingest.max.line.bytes"
          + " and seed files over ingest.max.file.bytes. Progress goes to standard error every"
          + " ingest.progress.interval.ms; SIGTERM stops the sources, waits for what was read to"
          + " be delivered, and prints the summary.",
      "Articles the broker does not acknowledge are re-sent with backoff for up to"
          + " ingest.send.give.up.ms; a file counts as done only when all its articles are"
          + " acknowledged (or dead-lettered, if refused for good). Exits 1 if any article could"
          + " not be delivered."
    })
public final class IngestCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

  /** Beyond the give-up time, for the attempt under way when it runs out to end. */
  private static final Duration SETTLE_MARGIN = Duration.ofMinutes(2);

  /** How long reading back the state of earlier runs may take before ingest gives up. */
  private static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How long a SIGTERM waits for what was read to be delivered before the summary: the whole stop
   * must fit in {@link GracefulStop#GRACE}; what is not acknowledged by then is read again on the
   * next start, since its mark was never written.
   */
  private static final Duration STOP_FLUSH = Duration.ofSeconds(3);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions config;

  @Parameters(
      arity = "0..*",
      paramLabel = "INPUT",
      description = "Files or directories to read; - reads JSON lines from standard input.")
  List<Path> inputs = new ArrayList<>();

  @Mixin FeedOptions web;

  @Option(
      names = "--source",
      description =
          "Source name for records that do not name one (default: 'files' for files, 'stdin' for"
              + " standard input, the URL's host for feeds).")
  String source;

  @Option(
      names = "--follow",
      description = "Keep running and publish new or changed files as they appear.")
  boolean follow;

  @Option(names = "--once", description = "Read files and fetch feeds a single time, then exit.")
  boolean once;

  @Option(
      names = "--registered",
      description =
          "Also poll this instance's share of the registered feeds (wirestream feeds add); the"
              + " default when no INPUT, --feed, --feeds or --sitemap is given.")
  boolean registered;

  @Override
  public Integer call() throws Exception {
    boolean pollRegistered = registered || (inputs.isEmpty() && web.isEmpty());
    if (once && follow) {
      throw new UsageException("--once and --follow exclude each other");
    }
    for (Path input : inputs) {
      if (!input.toString().equals(StdinSource.NAME) && !Files.exists(input)) {
        throw new UsageException("no such file or directory: " + input);
      }
    }
    web.checkFeedLists();
    WirestreamConfig settings = config.load(Map.of());
    Sources.Request request =
        new Sources.Request(
            inputs, web.feeds, web.feedLists, source, false, pollRegistered, web.sitemaps);
    List<URI> urls = new ArrayList<>(Sources.feeds(request).feeds());
    urls.addAll(web.sitemaps);
    for (URI feed : urls) {
      try {
        FeedPoller.checkUrl(feed, settings.getBoolean(WirestreamConfig.INGEST_FETCH_ALLOW_FILE));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    // Feeds are there to be watched, so they keep the command running unless told --once.
    boolean keepRunning = !once && (follow || !web.isEmpty() || pollRegistered);
    request =
        new Sources.Request(
            inputs, web.feeds, web.feedLists, source, keepRunning, pollRegistered, web.sitemaps);
    BrokerCheck.require(settings);
    Topics topics = new Topics(settings);
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }
    try (OpsEndpoint ops = OpsEndpoint.start(settings, keepRunning)) {
      return run(settings, topics, request, keepRunning, ops);
    }
  }

  private int run(
      WirestreamConfig settings,
      Topics topics,
      Sources.Request request,
      boolean keepRunning,
      OpsEndpoint ops)
      throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    IngestStats stats = new IngestStats(ops.registry());
    KafkaIngestState state =
        KafkaIngestState.open(settings, topics.ingestState(), STATE_READ_TIMEOUT);
    List<ArticleSource> sources = Sources.build(request, settings, version(), System.in, state);
    Duration giveUp = Duration.ofMillis(settings.getLong(WirestreamConfig.INGEST_SEND_GIVE_UP_MS));
    LOG.info(
        "ingest into {} at {}",
        topics.raw().name(),
        settings.getString(WirestreamConfig.BOOTSTRAP_SERVERS));
    long pending;
    ArticlePublisher publisher =
        new ArticlePublisher(settings, topics, stats, Clock.systemUTC(), request.instanceName());
    publisher.carry(state);
    ops.watch(publisher);
    try (state;
        IngestService service =
            new IngestService(
                sources,
                publisher,
                stats,
                err,
                keepRunning,
                settings.getLong(WirestreamConfig.INGEST_PROGRESS_INTERVAL_MS))) {
      // SIGTERM: stop reading; this thread flushes briefly and prints the summary.
      GracefulStop.onStop(service::stop);
      service.run();
      Duration flush = GracefulStop.requested() ? STOP_FLUSH : giveUp.plus(SETTLE_MARGIN);
      if (!service.awaitDelivered(flush)) {
        LOG.warn(
            "stopped waiting for the broker: {} articles still unacknowledged", service.pending());
      }
      pending = service.pending();
      printSummary(sources, stats, pending, topics, giveUp);
    }
    long failures =
        sources.stream()
            .mapToLong(
                s ->
                    s instanceof FeedSource f
                        ? f.fetches().failures()
                        : s instanceof RegisteredFeedSource r ? r.fetches().failures() : 0)
            .sum();
    return stats.failed() + pending == 0 && failures == 0 ? 0 : 1;
  }

  private void printSummary(
      List<ArticleSource> sources,
      IngestStats stats,
      long pending,
      Topics topics,
      Duration giveUp) {
    long undelivered = stats.failed() + pending;
    PrintWriter out = spec.commandLine().getOut();
    for (ArticleSource s : sources) {
      if (s instanceof FeedSource feedSource) {
        out.printf(
            "feed fetches %d (failed %d), ",
            feedSource.fetches().fetches(), feedSource.fetches().failures());
      } else if (s instanceof RegisteredFeedSource registeredSource) {
        out.printf(
            "registered feed fetches %d (failed %d), ",
            registeredSource.fetches().fetches(), registeredSource.fetches().failures());
      } else if (s instanceof SitemapSource sitemapSource) {
        out.printf(
            "sitemap pages fetched %d (rejected %d), ",
            sitemapSource.pagesFetched(), sitemapSource.rejected());
      }
    }
    if (stats.pages() > 0) {
      out.printf("item pages %d (extracted %d), ", stats.pages(), stats.pagesExtracted());
    }
    out.printf(
        "files %d, articles read %d, rejected %d, published %d, failed %d, dead-lettered %d%n",
        stats.files(),
        stats.read(),
        stats.rejected(),
        stats.published(),
        undelivered,
        stats.deadLettered());
    out.flush();
    LOG.info("ingest finished: {}", stats);
    if (undelivered > 0) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          "wirestream ingest: %d of %d articles could not be delivered to %s (refused on it and"
              + " on the dead-letter topic, or not acknowledged within ingest.send.give.up.ms,"
              + " %d s); see the log%n",
          undelivered, stats.read(), topics.raw().name(), giveUp.toSeconds());
      err.flush();
    }
  }

  private static String version() {
    String version = Wirestream.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
