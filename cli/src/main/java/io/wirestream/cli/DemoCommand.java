package io.wirestream.cli;

import io.wirestream.cli.demo.Demo;
import io.wirestream.cli.demo.DemoSummary;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.kafka.BrokerCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream demo}: the whole pipeline on an in-process broker, no setup needed. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole pipeline in one JVM on a real in-process Kafka broker:",
      "ingest -> news.raw -> enrich -> news.enriched -> sink -> DIR/wirestream.db.",
      "Without INPUT or feeds it ingests a few sample articles shipped with Wirestream.",
      "With --feed URL or --feeds FILE it polls each feed once (or, with --follow, until"
          + " interrupted).",
      "Waits until every accepted article is stored or dead-lettered, prints a summary and exits:"
          + " 0 if all were, 1 if any is unaccounted for when it stops waiting (--timeout)."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the SQLite store and samples go (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("wirestream-data");

  @Option(
      names = "--store",
      paramLabel = "JDBC-URL",
      description =
          "Store to write to instead of DIR/wirestream.db, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres.")
  String store;

  @Option(
      names = "--follow",
      description = "Keep running, picking up new and changed files, until interrupted.")
  boolean follow;

  @Option(
      names = "--source",
      description =
          "Source name for records that do not name one (default: files for files, the feed's"
              + " host for feeds).")
  String source;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Give up waiting for the pipeline after this long (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 1800;

  // -c, WIRESTREAM_* and -D as for the services; a bootstrap.servers set by any of them (or -b)
  // names an external cluster to use instead of the in-process broker.
  @Mixin ConfigOptions config;

  @Mixin FeedOptions web;

  @Parameters(
      arity = "0..*",
      paramLabel = "INPUT",
      description = "Article files or directories (seed text or JSON lines).")
  List<Path> inputs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new UsageException("no such file or directory: " + input);
      }
    }
    web.checkFeedLists();
    if (timeoutSeconds <= 0) {
      throw new UsageException("--timeout must be positive");
    }
    String url = store != null ? store : "jdbc:sqlite:" + dataDir.resolve("wirestream.db");
    WirestreamConfig settings = config.load(Map.of());
    String bootstrapServers = null;
    if (!WirestreamConfig.ORIGIN_DEFAULT.equals(
        settings.origin(WirestreamConfig.BOOTSTRAP_SERVERS))) {
      BrokerCheck.require(settings);
      bootstrapServers = settings.getString(WirestreamConfig.BOOTSTRAP_SERVERS);
    }
    Demo.Options options =
        new Demo.Options(
            dataDir,
            url,
            inputs,
            web.feeds,
            web.feedLists,
            source,
            follow,
            Duration.ofSeconds(timeoutSeconds),
            bootstrapServers,
            config.overrides(),
            config.configFile(),
            System.getenv(),
            web.sitemaps);
    DemoSummary summary;
    try (Demo demo = new Demo(options, spec.commandLine().getOut(), spec.commandLine().getErr())) {
      // SIGTERM, Ctrl-C: finish what is under way, then close the services and the broker here.
      GracefulStop.onStop(demo::stop);
      summary = demo.run();
    }
    // After the services have stopped, so the summary is the last thing printed.
    spec.commandLine().getOut().println(summary);
    spec.commandLine().getOut().flush();
    if (!summary.complete()) {
      spec.commandLine().getErr().println("wirestream demo: " + summary.problem());
      spec.commandLine().getErr().flush();
      return 1;
    }
    return 0;
  }
}
