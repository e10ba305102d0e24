package io.wirestream.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/** Fetch settings and loopback servers for tests here and in other packages. */
public final class TestFetch {

  private TestFetch() {}

  /**
   * Loopback allowed (the tests' servers listen there), no pause between requests, short timeouts.
   */
  public static FetchSettings settings() {
    return new FetchSettings(
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        1 << 20,
        4 << 20,
        5,
        true,
        true,
        "Wirestream/test (+https://example.org/contact)",
        Duration.ZERO,
        1,
        Duration.ofHours(1));
  }

  public static Fetcher fetcher(FetchSettings settings) {
    return new Fetcher(settings, HostPoliteness.from(settings));
  }

  /** A server on 127.0.0.1 with a thread per request, so that tests can see overlap. */
  public static HttpServer server() throws IOException {
    return server(InetAddress.getLoopbackAddress());
  }

  public static HttpServer server(InetAddress address) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    return server;
  }

  public static URI url(HttpServer server, String path) {
    return URI.create(
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort()
            + path);
  }

  public static void send(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
