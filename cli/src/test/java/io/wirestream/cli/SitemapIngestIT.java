package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.cli.demo.Demo;
import io.wirestream.cli.demo.DemoSummary;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.model.Article;
import io.wirestream.common.topic.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code wirestream ingest --sitemap}: a sitemap index on 127.0.0.1 leads to a Google News sitemap
 * of three pages, one of them gone; the two others reach news.raw with their news:title and
 * extracted body, the gone one news.dlq, and a second run with the same state fetches none again.
 */
class SitemapIngestIT {

  @TempDir Path dir;

  private HttpServer server;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private String page(String headline, String paragraph) {
    return """
        <html lang="en"><head><title>%s | The Local Paper</title></head><body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <article><h1>%s</h1>
            <p>%s</p>
            <p>The council met on Tuesday evening and voted after a long debate that ran past
              midnight, with residents filling the hall and the corridor outside it.</p>
            <p>Officials said the work would begin in the spring and take about two years, and
              that the cost would be shared between the city and the regional government.</p>
          </article>
          <footer>Copyright The Local Paper</footer>
        </body></html>
        """
        .formatted(headline, headline, paragraph);
  }

  private String content(String path) {
    return switch (path) {
      case "/robots.txt" -> "User-agent: *\nAllow: /\n";
      case "/sitemap_index.xml" ->
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>%s</loc></sitemap>
          </sitemapindex>
          """
              .formatted(url("/news-sitemap.xml"));
      case "/news-sitemap.xml" ->
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                  xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>%s</loc>
              <news:news><news:publication><news:name>The Local Paper</news:name>
                <news:language>en</news:language></news:publication>
                <news:publication_date>2024-03-05T09:30:00+01:00</news:publication_date>
                <news:title>Bridge over the river approved</news:title></news:news></url>
            <url><loc>%s</loc>
              <news:news><news:publication><news:name>The Local Paper</news:name>
                <news:language>en</news:language></news:publication>
                <news:publication_date>2024-03-06</news:publication_date>
                <news:title>New library opens in the old station</news:title></news:news></url>
            <url><loc>%s</loc>
              <news:news><news:publication><news:name>The Local Paper</news:name>
                <news:language>en</news:language></news:publication>
                <news:publication_date>2024-03-07T08:00:00Z</news:publication_date>
                <news:title>A story that was taken down</news:title></news:news></url>
          </urlset>
          """
              .formatted(url("/news/bridge"), url("/news/library"), url("/news/gone"));
      case "/news/bridge" ->
          page(
              "Council approves the bridge",
              "The city council approved the new bridge over the river by seven votes to two.");
      case "/news/library" ->
          page(
              "Library opens",
              "A new public library opened on Wednesday in the old railway station building.");
      default -> null;
    };
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          String body = content(path);
          byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .set(
                  "Content-Type",
                  path.endsWith(".xml")
                      ? "application/xml"
                      : path.equals("/robots.txt") ? "text/plain" : "text/html; charset=utf-8");
          exchange.sendResponseHeaders(
              body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private int ingestOnce(String bootstrap, StringWriter err) {
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(
        "ingest",
        "-b",
        bootstrap,
        "--once",
        "-D",
        "ingest.fetch.allow.private=true",
        "-D",
        "ingest.fetch.host.delay.ms=0",
        "--sitemap",
        url("/sitemap_index.xml"));
  }

  @Test
  void shouldPublishTheNewsSitemapsPagesDeadLetterTheGoneOneAndFetchNothingTwice()
      throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      StringWriter err = new StringWriter();
      assertThat(ingestOnce(broker.bootstrapServers(), err)).as(err.toString()).isZero();

      WirestreamConfig config =
          WirestreamConfig.load(
              null, Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers()));
      Topics topics = new Topics(config);
      List<ConsumerRecord<String, Article>> raw =
          TopicReader.readCommitted(config, topics.raw(), 2, Duration.ofSeconds(30));
      assertThat(raw)
          .extracting(r -> r.value().title())
          .containsExactlyInAnyOrder(
              "Bridge over the river approved", "New library opens in the old station");
      Article bridge =
          raw.stream()
              .map(ConsumerRecord::value)
              .filter(a -> a.url().equals(url("/news/bridge")))
              .findFirst()
              .orElseThrow();
      assertThat(bridge.body())
          .startsWith("The city council approved the new bridge")
          .contains("shared between the city and the regional government")
          .doesNotContain("Home", "Copyright");
      assertThat(bridge.published()).isEqualTo("2024-03-05T09:30+01:00");
      assertThat(bridge.language()).isEqualTo("en");
      assertThat(bridge.source()).isEqualTo("127.0.0.1");

      List<ConsumerRecord<String, byte[]>> letters =
          TopicReader.readCommitted(config, topics.deadLetter(), 1, Duration.ofSeconds(30));
      assertThat(letters)
          .singleElement()
          .satisfies(
              l -> {
                assertThat(header(l, DeadLetterHeaders.STAGE)).isEqualTo("ingest");
                assertThat(header(l, DeadLetterHeaders.SOURCE_FILE))
                    .isEqualTo(url("/news-sitemap.xml"));
                assertThat(header(l, DeadLetterHeaders.SOURCE_LINE))
                    .isEqualTo("item " + url("/news/gone"));
                assertThat(header(l, DeadLetterHeaders.REASON))
                    .isEqualTo("ingest: page not fetched: HTTP 404");
              });

      StringWriter again = new StringWriter();
      assertThat(ingestOnce(broker.bootstrapServers(), again)).as(again.toString()).isZero();
      assertThat(TopicReader.readCommitted(config, topics.raw(), 3, Duration.ofSeconds(3)))
          .hasSize(2);
      assertThat(TopicReader.readCommitted(config, topics.deadLetter(), 2, Duration.ofSeconds(3)))
          .hasSize(1);
      // The sitemaps are read again; the pages they list are not.
      assertThat(requests.get("/news-sitemap.xml")).hasValue(2);
      for (String page : Set.of("/news/bridge", "/news/library", "/news/gone")) {
        assertThat(requests.get(page)).as(page).hasValue(1);
      }
    }
  }

  @Test
  void shouldStoreTheSitemapsArticlesInTheDemo() throws Exception {
    Demo.Options options =
        new Demo.Options(
            dir.resolve("demo"),
            "jdbc:sqlite:" + dir.resolve("demo.db"),
            List.of(),
            List.of(),
            List.of(),
            null,
            false,
            Duration.ofMinutes(3),
            null,
            Map.of("ingest.fetch.allow.private", "true", "ingest.fetch.host.delay.ms", "0"),
            null,
            Map.of(),
            List.of(URI.create(url("/sitemap_index.xml"))));
    StringWriter log = new StringWriter();
    DemoSummary summary;
    try (Demo demo = new Demo(options, new PrintWriter(log, true), new PrintWriter(log, true))) {
      summary = demo.run();
    }

    assertThat(summary.stored()).as(log.toString()).isEqualTo(2);
    assertThat(summary.rejected()).as(log.toString()).isEqualTo(1);
    assertThat(summary.unaccounted()).isZero();
  }
}
