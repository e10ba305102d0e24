package io.wirestream.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.ingest.fetch.HostPoliteness;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small news site of the demo's own, on 127.0.0.1 at a free port: a robots.txt, an RSS feed of
 * three stories written for Wirestream, and their article pages, with the navigation, related
 * stories and footers real pages have. The demo ingests the feed with its pages, so the web path
 * (feed, page, extracted body) runs without reaching any other site.
 */
final class DemoSite implements AutoCloseable {

  private static final String ROOT = "/io/wirestream/cli/site/";

  /** The story the demo's summary follows from feed to store. */
  static final String SHOWCASE = "tidal-barrier-opens.html";

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  private DemoSite(HttpServer server) {
    this.server = server;
  }

  static DemoSite start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    DemoSite site = new DemoSite(server);
    server.createContext("/", site::answer);
    server.start();
    return site;
  }

  URI feed() {
    return URI.create(base() + "/feed.xml");
  }

  /** The host key the demo's fetcher lets through although it is on loopback. */
  String hostKey() {
    return HostPoliteness.hostKey(feed());
  }

  int requests() {
    return requests.get();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String path = exchange.getRequestURI().getPath();
    String resource;
    String type;
    if (path.equals("/robots.txt")) {
      resource = "robots.txt";
      type = "text/plain; charset=utf-8";
    } else if (path.equals("/feed.xml")) {
      resource = "feed.xml";
      type = "application/rss+xml; charset=utf-8";
    } else if (path.startsWith("/news/") && path.endsWith(".html") && !path.contains("..")) {
      resource = "news/" + path.substring(path.lastIndexOf('/') + 1);
      type = "text/html; charset=utf-8";
    } else {
      resource = null;
      type = "text/plain";
    }
    byte[] body = null;
    if (resource != null) {
      try (InputStream in = DemoSite.class.getResourceAsStream(ROOT + resource)) {
        body = in == null ? null : in.readAllBytes();
      }
    }
    try (exchange) {
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
