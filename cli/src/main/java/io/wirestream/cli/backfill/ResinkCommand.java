package io.wirestream.cli.backfill;

import io.wirestream.cli.ConfigOptions;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.sink.StoreRebuild;
import io.wirestream.sink.store.ArticleStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream resink}: builds a store from the compacted news.enriched. */
@Command(
    name = "resink",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a store (a fresh SQLite file, a new PostgreSQL schema or database)",
      "from the compacted news.enriched, from its beginning to its end as of the",
      "start, with the sink's own idempotent writes: running it again leaves the",
      "same rows, and the result holds what the live store holds. Joins no",
      "consumer group; the live sink is not touched. Progress goes to stderr."
    })
public final class ResinkCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Spec CommandSpec spec;

  @Option(
      names = "--store",
      required = true,
      paramLabel = "JDBC-URL",
      description =
          "Store to build: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=...&currentSchema=...")
  String store;

  @Option(
      names = "--stall-timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Give up when no record arrives for this long (default ${DEFAULT-VALUE}).")
  long stallSeconds;

  @Override
  public Integer call() {
    WirestreamConfig settings = config.loadConnected(Map.of(WirestreamConfig.SINK_STORE, store));
    PrintWriter out = spec.commandLine().getOut();
    ProgressBar bar = ProgressBar.onStderr(spec.commandLine().getErr(), "resink");
    long[] last = new long[2];
    StoreRebuild.Result result;
    try (StoreRebuild rebuild = new StoreRebuild(settings, ArticleStore.open(store))) {
      result =
          rebuild.run(
              progress -> {
                last[0] = progress.done();
                last[1] = progress.total();
                bar.update(progress.done(), progress.total());
              },
              Duration.ofSeconds(stallSeconds));
    }
    bar.finish(last[0], last[1]);
    out.printf(
        Locale.ROOT,
        "resink: %d records read, %d written, %d older than the store held, %d unreadable"
            + " skipped (%.0f rec/s)%n",
        result.records(),
        result.written(),
        result.stale(),
        result.unreadable(),
        bar.rate(result.records()));
    out.flush();
    return 0;
  }
}
