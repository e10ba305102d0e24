package io.wirestream.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.enrich.EnrichService;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ops.Ops;
import io.wirestream.ops.OpsServer;
import io.wirestream.ops.Readiness;
import io.wirestream.sink.SinkService;
import io.wirestream.sink.store.StoreProbe;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.common.config.ConfigException;

/**
 * A command's operations side: the meters and readiness checks of its services, and the HTTP
 * endpoint that shows them when {@code http.port} is not 0. Long-running commands (enrich, sink, a
 * following ingest or demo) serve it by default; a one-shot command only when {@code http.port} is
 * set, so that a cron job next to a running service does not fight it for the port.
 */
public final class OpsEndpoint implements AutoCloseable {

  private final Ops ops;
  private final Optional<OpsServer> server;

  private OpsEndpoint(Ops ops, Optional<OpsServer> server) {
    this.ops = ops;
    this.server = server;
  }

  /**
   * @param longRunning whether the command runs until stopped
   * @throws UsageException if the port cannot be bound
   */
  public static OpsEndpoint start(WirestreamConfig config, boolean longRunning) {
    Ops ops = Ops.create();
    boolean wanted = longRunning || config.originals().containsKey(WirestreamConfig.HTTP_PORT);
    try {
      return new OpsEndpoint(ops, wanted ? OpsServer.start(config, ops) : Optional.empty());
    } catch (ConfigException e) {
      ops.close();
      throw new UsageException(e.getMessage());
    }
  }

  public MeterRegistry registry() {
    return ops.registry();
  }

  public Readiness readiness() {
    return ops.readiness();
  }

  /** Enrich is ready while its Kafka Streams application is RUNNING. */
  public void watch(EnrichService enrich) {
    readiness().register("enrich", enrich::problem);
  }

  /**
   * The sink is ready while it holds its assignment and writes succeed, and the store named by
   * {@code storeUrl} answers a fresh connection.
   */
  public void watch(SinkService sink, String storeUrl) {
    readiness().register("sink", sink::problem);
    readiness().register("store", new StoreProbe(storeUrl)::problem);
  }

  /** Ingest is ready while the broker takes its sends. */
  public void watch(ArticlePublisher publisher) {
    readiness().register("ingest", publisher::problem);
  }

  /** The port the endpoint listens on, if it runs. */
  public OptionalInt port() {
    return server.map(s -> OptionalInt.of(s.port())).orElse(OptionalInt.empty());
  }

  @Override
  public void close() {
    server.ifPresent(OpsServer::close);
    ops.close();
  }
}
