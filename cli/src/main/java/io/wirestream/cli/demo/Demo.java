package io.wirestream.cli.demo;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.cli.OpsEndpoint;
import io.wirestream.cli.logging.Logging;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.EnrichService;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.enrich.topology.ReplayFilter;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.ArticleSource;
import io.wirestream.ingest.IngestService;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.fetch.FetchSettings;
import io.wirestream.ingest.fetch.Fetcher;
import io.wirestream.ingest.fetch.HostPoliteness;
import io.wirestream.ingest.source.Sources;
import io.wirestream.ingest.state.IngestState;
import io.wirestream.sink.SinkService;
import io.wirestream.sink.store.ArticleStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * The whole pipeline in one JVM on a real, in-process Kafka broker: ingest, enrich and sink run
 * exactly as the separate services do, only wired together here.
 */
public final class Demo implements AutoCloseable {

  /**
   * What to run. {@code inputs}, {@code feeds}, {@code feedLists} and {@code sitemaps} all empty
   * means the shipped samples; {@code bootstrapServers} null means an in-process broker. Settings
   * are layered as for the services: {@code configFile} (may be null), then {@code environment}
   * ({@code WIRESTREAM_*}), then {@code settings}.
   */
  public record Options(
      Path dataDir,
      String store,
      List<Path> inputs,
      List<URI> feeds,
      List<Path> feedLists,
      String source,
      boolean follow,
      Duration timeout,
      String bootstrapServers,
      Map<String, String> settings,
      Path configFile,
      Map<String, String> environment,
      List<URI> sitemaps) {

    public Options {
      sitemaps = sitemaps == null ? List.of() : List.copyOf(sitemaps);
    }

    /** Options without sitemaps. */
    public Options(
        Path dataDir,
        String store,
        List<Path> inputs,
        List<URI> feeds,
        List<Path> feedLists,
        String source,
        boolean follow,
        Duration timeout,
        String bootstrapServers,
        Map<String, String> settings,
        Path configFile,
        Map<String, String> environment) {
      this(
          dataDir,
          store,
          inputs,
          feeds,
          feedLists,
          source,
          follow,
          timeout,
          bootstrapServers,
          settings,
          configFile,
          environment,
          List.of());
    }

    /** Options with settings from {@code settings} alone. */
    public Options(
        Path dataDir,
        String store,
        List<Path> inputs,
        List<URI> feeds,
        List<Path> feedLists,
        String source,
        boolean follow,
        Duration timeout,
        String bootstrapServers,
        Map<String, String> settings) {
      this(
          dataDir,
          store,
          inputs,
          feeds,
          feedLists,
          source,
          follow,
          timeout,
          bootstrapServers,
          settings,
          null,
          Map.of());
    }
  }

  /** How long, after a stop is asked for, the demo still waits for articles under way. */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  /** The clients and services, closed together before the broker they talk to. */
  private final List<AutoCloseable> resources = new ArrayList<>();

  private EmbeddedKafkaBroker broker;
  private final Options options;
  private final PrintWriter out;
  private final PrintWriter err;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private volatile long stopDeadline = Long.MAX_VALUE;
  private volatile IngestService ingestService;
  private Path kafkaDir;

  public Demo(Options options, PrintWriter out, PrintWriter err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /** Runs until every accepted article is stored or dead-lettered (or forever with follow). */
  public DemoSummary run() throws Exception {
    long started = System.nanoTime();
    Files.createDirectories(options.dataDir());
    List<Path> inputs = options.inputs();
    List<URI> feeds = options.feeds();
    DemoSite site = null;
    if (inputs.isEmpty()
        && options.feeds().isEmpty()
        && options.feedLists().isEmpty()
        && options.sitemaps().isEmpty()) {
      inputs = List.of(Samples.writeTo(options.dataDir().resolve("samples")));
      site = own(DemoSite.start());
      feeds = List.of(site.feed());
    }
    // The models load while the broker starts: each takes about a second, the one not waiting on
    // the other.
    FutureTask<NlpPipeline> pipeline =
        new FutureTask<>(
            () ->
                NlpPipeline.from(
                    WirestreamConfig.load(
                        options.configFile(), options.environment(), options.settings())));
    Thread loader = new Thread(pipeline, "wirestream-demo-nlp-load");
    loader.setDaemon(true);
    loader.start();
    kafkaDir = Files.createTempDirectory("wirestream-kafka");
    String bootstrap = options.bootstrapServers();
    if (bootstrap == null) {
      broker = EmbeddedKafkaBroker.start(kafkaDir);
      bootstrap = broker.bootstrapServers();
      err.println("wirestream demo: in-process Kafka broker at " + bootstrap);
      err.flush();
    }

    Map<String, String> settings = new HashMap<>(options.settings());
    settings.put(WirestreamConfig.BOOTSTRAP_SERVERS, bootstrap);
    settings.put(WirestreamConfig.SINK_STORE, options.store());
    settings.put(WirestreamConfig.ENRICH_STATE_DIR, kafkaDir.resolve("streams").toString());
    WirestreamConfig config =
        WirestreamConfig.load(options.configFile(), options.environment(), settings);
    Logging.configure(config);
    // All services of the demo share one endpoint; their meters differ by the stage tag.
    OpsEndpoint ops = own(OpsEndpoint.start(config, options.follow()));
    Topics topics = new Topics(config);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }

    TopicCounter<EnrichedFigures> enriched =
        start(
            new TopicCounter<>(
                    config,
                    topics.enriched().name(),
                    EnrichedFigures.DESERIALIZER,
                    EnrichedFigures::entities,
                    EnrichedFigures::dates)
                .keeping(WebPathReport::isShowcase));
    TopicCounter<byte[]> deadLetters = start(new TopicCounter<>(config, topics.deadLetter()));
    EnrichService enrich =
        own(new EnrichService(config, loaded(pipeline), ReplayFilter.ALL, ops.registry()));
    ops.watch(enrich);
    enrich.start();
    SinkService sink =
        start(new SinkService(config, ArticleStore.open(options.store()), ops.registry()));
    ops.watch(sink, options.store());

    IngestStats stats = new IngestStats(ops.registry());
    List<ArticleSource> sources =
        Sources.build(
            new Sources.Request(
                inputs,
                feeds,
                options.feedLists(),
                options.source(),
                options.follow(),
                false,
                options.sitemaps()),
            config,
            System.in,
            IngestState.inMemory(),
            fetcher(config, site));
    ArticlePublisher publisher = new ArticlePublisher(config, topics, stats, Clock.systemUTC());
    ops.watch(publisher);
    IngestService ingest =
        own(
            new IngestService(
                sources,
                publisher,
                stats,
                err,
                options.follow(),
                config.getLong(WirestreamConfig.INGEST_PROGRESS_INTERVAL_MS)));
    ingestService = ingest;
    if (stopRequested.getCount() == 0) {
      ingest.stop();
    }
    if (!options.follow()) {
      ingest.run();
      awaitOrReport(stats, ingest, sink, deadLetters);
      DemoSummary summary = summary(stats, ingest, sink, deadLetters, enriched, started);
      if (site != null) {
        out.println(WebPathReport.of(site.feed(), stats, enriched).text());
        out.flush();
      }
      return summary;
    }
    Thread ingesting =
        new Thread(
            () -> {
              try {
                ingest.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "wirestream-demo-ingest");
    ingesting.setDaemon(true);
    own(
        () -> {
          ingest.stop();
          ingesting.join(30_000);
        });
    ingesting.start();
    long reported = 0;
    long interval = config.getLong(WirestreamConfig.INGEST_POLL_INTERVAL_MS);
    while (!stopRequested.await(interval, TimeUnit.MILLISECONDS)) {
      long seen = stats.read() + stats.rejected();
      if (seen > reported) {
        awaitOrReport(stats, ingest, sink, deadLetters);
        out.println(summary(stats, ingest, sink, deadLetters, enriched, started));
        out.flush();
        reported = seen;
      }
    }
    // Stopped: no new reading; what is under way gets until stopDeadline (awaitCompletion).
    ingest.stop();
    awaitCompletion(stats, ingest, sink, deadLetters);
    return summary(stats, ingest, sink, deadLetters, enriched, started);
  }

  /**
   * The fetcher of this run's feeds, pages and sitemaps. The demo's own site is on loopback, which
   * fetches may not reach: it alone is let through, and without the pause between requests that
   * other sites are owed, so the default demo stays quick; every other address keeps the rules.
   */
  private static Fetcher fetcher(WirestreamConfig config, DemoSite site) {
    FetchSettings settings = FetchSettings.from(config, "demo");
    if (site == null) {
      return new Fetcher(settings, HostPoliteness.from(settings));
    }
    settings = settings.withHostDelay(Duration.ZERO);
    return new Fetcher(settings, HostPoliteness.from(settings), Set.of(site.hostKey()));
  }

  private void awaitOrReport(
      IngestStats stats, IngestService ingest, SinkService sink, TopicCounter<byte[]> deadLetters)
      throws InterruptedException {
    if (!awaitCompletion(stats, ingest, sink, deadLetters)) {
      err.printf(
          "wirestream demo: gave up waiting after %d s (--timeout)%n",
          options.timeout().toSeconds());
      err.flush();
    }
  }

  /**
   * Asks {@link #run()} to return soon (SIGTERM): it takes no new files, waits a little longer for
   * the articles under way, and returns the summary; {@link #close()} then stops the services.
   */
  public void stop() {
    stopDeadline = System.nanoTime() + DRAIN.toNanos();
    stopRequested.countDown();
    IngestService ingest = ingestService;
    if (ingest != null) {
      ingest.stop();
    }
  }

  private DemoSummary summary(
      IngestStats stats,
      IngestService ingest,
      SinkService sink,
      TopicCounter<byte[]> deadLetters,
      TopicCounter<EnrichedFigures> enriched,
      long started) {
    return DemoSummary.of(
        stats.read(),
        stats.rejected(),
        sink.stats().stored(),
        sink.stats().stale(),
        // Rejected input is on the dead-letter topic too, but was never an accepted article.
        Math.max(0, deadLetters.records() - stats.rejectionsDeadLettered()),
        stats.failed() + ingest.pending(),
        enriched.total(0),
        enriched.total(1),
        (System.nanoTime() - started) / 1e9,
        options.store());
  }

  /**
   * Waits until ingest has resolved every accepted article (acknowledged, dead-lettered or given
   * up) and every acknowledged one is stored, skipped as stale, or dead-lettered downstream.
   *
   * @return false if the timeout ran out first
   */
  private boolean awaitCompletion(
      IngestStats stats,
      IngestService publisher,
      SinkService sink,
      TopicCounter<byte[]> deadLetters)
      throws InterruptedException {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    long lastReport = System.nanoTime();
    // Ingest's own dead letters are on the dead-letter topic too, so they count on both sides.
    while (publisher.pending() > 0
        || handled(sink, deadLetters)
            < stats.published() + stats.deadLettered() + stats.rejectionsDeadLettered()) {
      if (sink.failure().isPresent()) {
        throw new IllegalStateException(
            "the sink stopped: " + sink.failure().get(), sink.failure().get());
      }
      if (System.nanoTime() > deadline || System.nanoTime() > stopDeadline) {
        return false;
      }
      if (System.nanoTime() - lastReport > 10_000_000_000L) {
        err.printf(
            "wirestream demo: %d of %d articles done%s%n",
            handled(sink, deadLetters),
            stats.read(),
            publisher.brokerLost() ? " (the broker is not acknowledging; re-sending)" : "");
        err.flush();
        lastReport = System.nanoTime();
      }
      Thread.sleep(50);
    }
    return true;
  }

  private static long handled(SinkService sink, TopicCounter<byte[]> deadLetters) {
    return sink.stats().stored() + sink.stats().stale() + deadLetters.records();
  }

  private static NlpPipeline loaded(FutureTask<NlpPipeline> pipeline) throws Exception {
    try {
      return pipeline.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private <T extends AutoCloseable> T own(T resource) {
    resources.add(resource);
    return resource;
  }

  // The bound only says what start needs; exceptions from close are collected by close() below.
  @SuppressWarnings("try")
  private <T extends AutoCloseable & Runnable> T start(T service) {
    Thread thread = new Thread(service, "wirestream-demo-" + service.getClass().getSimpleName());
    thread.setDaemon(true);
    own(
        () -> {
          service.close();
          thread.join(30_000);
        });
    thread.start();
    return service;
  }

  /**
   * Stops the services and clients, then the broker; the first failure is rethrown. The services
   * stop at the same time, as they would on separate machines: each waits for its own broker round
   * trips (a last commit, leaving its group, a fetch the broker holds back for up to half a
   * second), and one after the other these waits add up.
   */
  @Override
  public void close() {
    List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> closers = new ArrayList<>();
    for (AutoCloseable resource : resources) {
      Thread closer =
          new Thread(
              () -> {
                try {
                  resource.close();
                } catch (Exception e) {
                  failures.add(e);
                }
              },
              "wirestream-demo-close");
      closer.start();
      closers.add(closer);
    }
    resources.clear();
    for (Thread closer : closers) {
      try {
        closer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(e);
      }
    }
    if (broker != null) {
      try {
        broker.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
      broker = null;
    }
    try {
      deleteRecursively(kafkaDir);
    } catch (IOException e) {
      // Only a temporary folder is left behind.
      System.err.println("wirestream demo: could not delete " + kafkaDir + ": " + e);
    }
    if (!failures.isEmpty()) {
      IllegalStateException failure =
          new IllegalStateException(
              "could not stop the demo cleanly: " + failures.get(0), failures.get(0));
      failures.subList(1, failures.size()).forEach(failure::addSuppressed);
      throw failure;
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
