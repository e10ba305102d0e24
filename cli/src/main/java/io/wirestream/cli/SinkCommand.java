package io.wirestream.cli;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.ErrorSummary;
import io.wirestream.sink.SinkService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wirestream sink}: writes enriched articles to SQLite or PostgreSQL. */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description = {
      "Consumes news.enriched and writes articles, entities and dates to a SQL store,",
      "idempotently: replays leave one copy; a newer enrichment version replaces an older one."
    })
public final class SinkCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Option(
      names = "--store",
      paramLabel = "JDBC-URL",
      description =
          "jdbc:sqlite:FILE (default jdbc:sqlite:wirestream.db) or jdbc:postgresql://HOST:PORT/DB?user=...")
  String store;

  @Override
  public Integer call() throws Exception {
    Map<String, String> overrides = new HashMap<>();
    if (store != null) {
      overrides.put(WirestreamConfig.SINK_STORE, store);
    }
    WirestreamConfig settings = config.loadConnected(overrides);
    try (OpsEndpoint ops = OpsEndpoint.start(settings, true)) {
      return run(settings, ops);
    }
  }

  private static int run(WirestreamConfig settings, OpsEndpoint ops) throws Exception {
    SinkService service = new SinkService(settings, ops.registry());
    ops.watch(service, settings.getString(WirestreamConfig.SINK_STORE));
    CountDownLatch ended = new CountDownLatch(1);
    Thread worker =
        new Thread(
            () -> {
              try {
                service.run();
              } finally {
                ended.countDown();
              }
            },
            "wirestream-sink");
    worker.start();
    ServiceRunner.runUntilStopped(service, ended);
    worker.join(30_000);
    if (service.failure().isPresent()) {
      throw new IllegalStateException(
          "sink stopped: " + ErrorSummary.of(service.failure().get()), service.failure().get());
    }
    return 0;
  }
}
