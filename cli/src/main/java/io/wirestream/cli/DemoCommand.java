package io.wirestream.cli;

import io.wirestream.cli.demo.Demo;
import io.wirestream.cli.demo.DemoSummary;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
      description = "Source name for records that do not name one (default: ${DEFAULT-VALUE}).")
  String source = "files";

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Give up waiting for the pipeline after this long (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 1800;

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT[,...]",
      description = "Use this Kafka cluster instead of starting one in-process.")
  String bootstrapServers;

  @Option(
      names = {"-D", "--set"},
      paramLabel = "KEY=VALUE",
      description = "Any Wirestream setting, e.g. -D enrich.threads=2.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(
      names = "--feed",
      paramLabel = "URL",
      description = "A feed to poll once (repeatable); with --follow, polled until interrupted.")
  List<URI> feeds = new ArrayList<>();

  @Option(
      names = "--feeds",
      paramLabel = "FILE",
      description = "A list of feeds to poll: OPML, or one URL a line (repeatable).")
  List<Path> feedLists = new ArrayList<>();

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
    for (Path list : feedLists) {
      if (!Files.isRegularFile(list)) {
        throw new UsageException("no such feed list: " + list);
      }
    }
    if (timeoutSeconds <= 0) {
      throw new UsageException("--timeout must be positive");
    }
    String url = store != null ? store : "jdbc:sqlite:" + dataDir.resolve("wirestream.db");
    Demo.Options options =
        new Demo.Options(
            dataDir,
            url,
            inputs,
            feeds,
            feedLists,
            source,
            follow,
            Duration.ofSeconds(timeoutSeconds),
            bootstrapServers,
            settings);
    DemoSummary summary;
    try (Demo demo = new Demo(options, spec.commandLine().getOut(), spec.commandLine().getErr())) {
      if (follow) {
        Thread main = Thread.currentThread();
        // Ctrl-C: stop the loop, then let the demo close the services and the broker cleanly.
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      main.interrupt();
                      try {
                        main.join(30_000);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
      }
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
