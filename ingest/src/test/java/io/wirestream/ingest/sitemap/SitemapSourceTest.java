package io.wirestream.ingest.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestSink;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.TestPublishers;
import io.wirestream.ingest.fetch.TestFetch;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.ingest.state.IngestState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@link SitemapSource} against a server on 127.0.0.1: indexes within the depth bound, a gzipped
 * sitemap, robots.txt, and a page that fails for now and is tried again.
 */
class SitemapSourceTest {

  private static final String ARTICLE =
      """
      <html lang="en"><head><title>%s</title></head><body><article>
        <p>The harbour authority said on Monday that the new ferry terminal would open in June.</p>
        <p>Ferries to the islands will leave every hour from the terminal in the summer months.</p>
      </article></body></html>
      """;

  private HttpServer server;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicInteger flakyFailures = new AtomicInteger(1);
  private final IngestState state = IngestState.inMemory();
  private volatile List<String> newsPages = List.of("/a", "/private/b", "/c");

  @BeforeEach
  void start() throws IOException {
    server = TestFetch.server();
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          switch (path) {
            case "/robots.txt" ->
                TestFetch.send(exchange, 200, "User-agent: *\nDisallow: /private/\n");
            case "/index.xml" ->
                TestFetch.send(exchange, 200, index("/deeper.xml", "/news.xml.gz"));
            case "/deeper.xml" -> TestFetch.send(exchange, 200, index("/too-deep.xml"));
            case "/news.xml.gz" -> {
              byte[] gz = gzip(urlset(newsPages.toArray(String[]::new)));
              exchange.getResponseHeaders().set("Content-Type", "application/gzip");
              exchange.sendResponseHeaders(200, gz.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(gz);
              }
            }
            case "/a", "/private/b" -> TestFetch.send(exchange, 200, ARTICLE.formatted(path));
            case "/c" -> {
              if (flakyFailures.getAndDecrement() > 0) {
                TestFetch.send(exchange, 503, "busy");
              } else {
                TestFetch.send(exchange, 200, ARTICLE.formatted(path));
              }
            }
            default -> TestFetch.send(exchange, 404, null);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return TestFetch.url(server, path).toString();
  }

  private String index(String... paths) {
    StringBuilder xml =
        new StringBuilder("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (String path : paths) {
      xml.append("<sitemap><loc>").append(url(path)).append("</loc></sitemap>");
    }
    return xml.append("</sitemapindex>").toString();
  }

  private String urlset(String... paths) {
    StringBuilder xml =
        new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for (String path : paths) {
      xml.append("<url><loc>")
          .append(url(path))
          .append("</loc><lastmod>2024-05-06</lastmod></url>");
    }
    return xml.append("</urlset>").toString();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** One poll of a new source over the shared state, waited for to its end. */
  private void pollOnce(MockProducer<String, byte[]> producer) throws InterruptedException {
    pollOnce(producer, "/index.xml");
  }

  private void pollOnce(MockProducer<String, byte[]> producer, String root)
      throws InterruptedException {
    IngestStats stats = new IngestStats();
    ArticlePublisher publisher = TestPublishers.over(producer, stats, Clock.systemUTC());
    IngestSink sink =
        new IngestSink(publisher, stats, new PrintWriter(new StringWriter()), () -> {});
    try (SitemapSource source =
        new SitemapSource(
            List.of(URI.create(url(root))),
            null,
            TestFetch.fetcher(TestFetch.settings()),
            new PageExtractor(1 << 20),
            state,
            false,
            Duration.ofMinutes(5),
            1,
            10,
            Clock.systemUTC())) {
      source.poll(sink);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!source.finished() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(source.finished()).isTrue();
    }
  }

  private static List<String> reasons(MockProducer<String, byte[]> producer) {
    return TestPublishers.deadLetters(producer).stream().map(SitemapSourceTest::describe).toList();
  }

  private static String describe(ProducerRecord<String, byte[]> letter) {
    return header(letter, DeadLetterHeaders.SOURCE_FILE)
        + " | "
        + header(letter, DeadLetterHeaders.SOURCE_LINE)
        + " | "
        + header(letter, DeadLetterHeaders.REASON);
  }

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldReadAGzippedSitemapWithinTheDepthBoundAndKeepOutOfWhatRobotsDisallow()
      throws Exception {
    MockProducer<String, byte[]> producer = TestPublishers.acknowledging();

    pollOnce(producer);

    assertThat(TestPublishers.raw(producer))
        .extracting(r -> r.value().url())
        .containsExactly(url("/a"));
    assertThat(TestPublishers.raw(producer).get(0).value().published())
        .isEqualTo("2024-05-06T00:00:00Z");
    assertThat(requests).doesNotContainKeys("/too-deep.xml", "/private/b");
    assertThat(reasons(producer))
        .hasSize(3)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith(url("/deeper.xml") + " | item " + url("/too-deep.xml"))
                    .contains("ingest.sitemap.max.depth"))
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith(url("/news.xml.gz") + " | item " + url("/private/b"))
                    .contains("robots"))
        .anySatisfy(
            r ->
                assertThat(r)
                    .isEqualTo(
                        url("/news.xml.gz")
                            + " | item "
                            + url("/c")
                            + " | ingest: page not fetched: HTTP 503"));
  }

  @Test
  void shouldTryAPageThatFailedForNowAgainAndNoOtherPage() throws Exception {
    pollOnce(TestPublishers.acknowledging());
    MockProducer<String, byte[]> second = TestPublishers.acknowledging();

    pollOnce(second);

    assertThat(TestPublishers.raw(second))
        .extracting(r -> r.value().url())
        .containsExactly(url("/c"));
    assertThat(requests.get("/a")).hasValue(1);
    assertThat(requests.get("/c")).hasValue(2);
    assertThat(requests.get("/news.xml.gz")).hasValue(2);
  }

  @Test
  void shouldForgetPagesTheSitemapNoLongerListsOnceItWasReadWhole() throws Exception {
    pollOnce(TestPublishers.acknowledging(), "/news.xml.gz");
    newsPages = List.of("/c");

    pollOnce(TestPublishers.acknowledging(), "/news.xml.gz");

    assertThat(state.feed("sitemap:" + url("/news.xml.gz")).orElseThrow().items())
        .containsOnlyKeys(url("/c"));
  }
}
