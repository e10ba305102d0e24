package io.wirestream.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint: {@code /metrics} in Prometheus text, {@code /health/live} (200 while the
 * process answers) and {@code /health/ready} (200 when every readiness check passes, else 503 with
 * the problems as JSON). Only GET and HEAD; the JDK's own HTTP server, on two daemon threads, so a
 * slow scrape never holds up the pipeline and the endpoint never keeps the JVM alive.
 */
public final class OpsServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String JSON = "application/json";

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts the endpoint on {@code http.host}:{@code http.port}, or not at all when the port is 0.
   *
   * @throws ConfigException if the port is taken or the address cannot be bound
   */
  public static Optional<OpsServer> start(WirestreamConfig config, Ops ops) {
    int port = config.getInt(WirestreamConfig.HTTP_PORT);
    if (port == 0) {
      return Optional.empty();
    }
    String host = config.getString(WirestreamConfig.HTTP_HOST);
    InetSocketAddress address =
        new InetSocketAddress(host, port == WirestreamConfig.HTTP_PORT_ANY ? 0 : port);
    try {
      OpsServer server = start(address, ops);
      LOG.info(
          "operations endpoint on http://{}:{}/ (metrics, health/live, health/ready)",
          host,
          server.port());
      return Optional.of(server);
    } catch (BindException e) {
      throw new ConfigException(
          "cannot listen on "
              + host
              + ":"
              + port
              + " for the operations endpoint ("
              + e.getMessage()
              + "); set http.port to a free port, -1 for any, or 0 for none");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the endpoint on {@code address} (port 0: any free one, see {@link #port()}). */
  public static OpsServer start(InetSocketAddress address, Ops ops) throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    server.createContext(
        "/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, ops.scrape()));
    server.createContext(
        "/health/live", exchange -> respond(exchange, 200, JSON, json(Map.of("status", "up"))));
    server.createContext("/health/ready", exchange -> ready(exchange, ops.readiness()));
    server.createContext(
        "/", exchange -> respond(exchange, 404, JSON, json(Map.of("error", "not found"))));
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "wirestream-ops-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
    return new OpsServer(server, executor);
  }

  /** The bound port: the one asked for, or the one the system chose. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void ready(HttpExchange exchange, Readiness readiness) throws IOException {
    Readiness.Report report = readiness.report();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", report.ready() ? "ready" : "not ready");
    if (!report.ready()) {
      body.put("problems", report.problems());
    }
    respond(exchange, report.ready() ? 200 : 503, JSON, json(body));
  }

  private static String json(Map<String, ?> body) {
    try {
      return Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (RuntimeException e) {
      LOG.warn("operations endpoint failed on {}: {}", exchange.getRequestURI(), e.toString());
      throw e;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
