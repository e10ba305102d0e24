package io.wirestream.bench.feeds;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.broker.EmbeddedKafkaBroker;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The other side of the feed benchmark, in its own process so that the poller's heap and CPU are
 * measured alone: one JDK HttpServer on each of {@code hosts} loopback addresses 127.0.1.1..., all
 * on one port, serving {@code feeds} synthetic RSS feeds of 20 items spread evenly over them (with
 * an ETag, so a second cycle is all 304s), and an in-process Kafka broker for the articles.
 *
 * <p>Usage: {@code FeedFarm HOSTS FEEDS DATADIR}. Prints {@code READY PORT BOOTSTRAP} once it
 * serves, and stops when its standard input closes, or after an hour at most.
 */
public final class FeedFarm {

  static final int ITEMS = 20;

  private FeedFarm() {}

  public static void main(String[] args) throws Exception {
    int hosts = Integer.parseInt(args[0]);
    int feeds = Integer.parseInt(args[1]);
    Path dataDir = Files.createDirectories(Path.of(args[2]));
    AtomicLong requests = new AtomicLong();
    ConcurrentHashMap<Integer, byte[]> documents = new ConcurrentHashMap<>();
    List<HttpServer> servers = new ArrayList<>();
    int port = 0;
    for (int h = 0; h < hosts; h++) {
      InetAddress address = InetAddress.getByName(hostAddress(h));
      HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 1024);
      port = server.getAddress().getPort();
      server.setExecutor(Executors.newFixedThreadPool(2));
      server.createContext(
          "/",
          exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            byte[] body = null;
            if (path.startsWith("/feed/")) {
              int n = Integer.parseInt(path.substring("/feed/".length()));
              if (n >= 0 && n < feeds) {
                body = documents.computeIfAbsent(n, FeedFarm::document);
              }
            }
            if (body == null) {
              exchange.sendResponseHeaders(404, -1);
            } else if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
              exchange.sendResponseHeaders(304, -1);
            } else {
              exchange.getResponseHeaders().add("ETag", "\"v1\"");
              exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            }
            exchange.close();
          });
      server.start();
      servers.add(server);
    }
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
      System.out.println("READY " + port + " " + broker.bootstrapServers());
      System.out.flush();
      long deadline = System.nanoTime() + 3_600_000_000_000L;
      while (System.in.read() >= 0 && System.nanoTime() < deadline) {
        // wait for the driver to close our input
      }
      System.err.println("feed farm: served " + requests.get() + " requests");
    } finally {
      servers.forEach(s -> s.stop(0));
    }
    // The servers' executors are not daemon threads; nothing else is left to do.
    System.exit(0);
  }

  /** The h-th loopback address, 127.0.1.1 upwards (all of 127/8 is loopback). */
  static String hostAddress(int h) {
    return "127.0." + (1 + h / 250) + "." + (1 + h % 250);
  }

  private static byte[] document(int feed) {
    StringBuilder xml = new StringBuilder(8192);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
        .append("<title>Feed ")
        .append(feed)
        .append("</title><language>en</language>");
    for (int i = 0; i < ITEMS; i++) {
      xml.append("<item><guid>feed-")
          .append(feed)
          .append("-item-")
          .append(i)
          .append("</guid><title>Story ")
          .append(i)
          .append(" of feed ")
          .append(feed)
          .append("</title><link>https://example.org/")
          .append(feed)
          .append('/')
          .append(i)
          .append("</link><pubDate>Wed, 12 Apr 2017 ")
          .append(String.format("%02d", i % 24))
          .append(":15:00 GMT</pubDate><description>&lt;p&gt;Story ")
          .append(i)
          .append(" of feed ")
          .append(feed)
          .append(": the council met on Tuesday in Geneva to discuss the harbour, the budget and")
          .append(" the new rail line; ministers from three countries attended.&lt;/p&gt;")
          .append("</description></item>");
    }
    xml.append("</channel></rss>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }
}
