package io.wirestream.cli;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.enrich.EnrichService;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.enrich.topology.ReplayFilter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wirestream enrich}: the Kafka Streams enrichment service. */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the enrichment service: news.raw -> entities and dates -> news.enriched,",
      "bad records -> news.dlq. Exactly-once; stop it with Ctrl-C (SIGTERM).",
      "Exits 1 with one line saying why if it stops by itself on an error.",
      "To backfill after a model upgrade, raise enrich.version and run with a new",
      "enrich.application.id: it replays news.raw from the start."
    })
public final class EnrichCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Override
  public Integer call() throws Exception {
    WirestreamConfig settings = config.loadConnected(Map.of());
    try (OpsEndpoint ops = OpsEndpoint.start(settings, true)) {
      return run(settings, ops);
    }
  }

  private static int run(WirestreamConfig settings, OpsEndpoint ops) throws Exception {
    EnrichService service =
        new EnrichService(settings, NlpPipeline.from(settings), ReplayFilter.ALL, ops.registry());
    ops.watch(service);
    CountDownLatch ended = new CountDownLatch(1);
    service.onStop(ended::countDown);
    service.start();
    ServiceRunner.runUntilStopped(service, ended);
    if (service.failure().isPresent()) {
      throw new IllegalStateException("enrich stopped: " + service.failure().get());
    }
    if (service.state() == KafkaStreams.State.ERROR) {
      throw new IllegalStateException("enrich stopped on an error (see the log above)");
    }
    return 0;
  }
}
