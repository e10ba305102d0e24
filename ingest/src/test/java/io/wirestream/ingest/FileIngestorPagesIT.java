package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.ingest.fetch.TestFetch;
import io.wirestream.ingest.format.InputLimits;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.ingest.page.PageFetcher;
import io.wirestream.ingest.state.IngestState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON-lines records that give a url and no body, completed from their pages on a loopback server
 * through the shared fetcher (robots.txt, politeness), or rejected with the reason.
 */
class FileIngestorPagesIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
  private static final InputLimits LIMITS = new InputLimits(1 << 20, 1 << 20);

  private static final String PAGE =
      """
      <!doctype html><html lang="en"><head><title>Harbour reopens | Coast News</title>
      <meta property="og:title" content="Harbour reopens after storm">
      <meta property="article:published_time" content="2026-11-30T09:15:00+01:00">
      <meta name="author" content="Maria Jensen">
      <link rel="canonical" href="/news/harbour?utm_source=rss"></head>
      <body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
      <article><h1>Harbour reopens after storm</h1>
      <p>The harbour of Esbjerg reopened on Monday after three days in which the storm kept every
      ferry and fishing boat in port, the port authority said in a statement.</p>
      <p>Engineers from the Danish Maritime Authority inspected the breakwater on Sunday and found
      only minor damage to the northern pier, which will be repaired by the end of the month.</p>
      <p>Fishermen who lost a week of catch asked the government for help, and the minister said
      on Tuesday that a fund would be set up before Christmas.</p></article>
      <aside>Sign up for our newsletter</aside><footer>Coast News 2026</footer></body></html>
      """;

  @TempDir Path dir;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final MockProducer<String, byte[]> producer = TestPublishers.acknowledging();
  private final IngestStats stats = new IngestStats();
  private final List<ParseResult.Rejected> rejections = new ArrayList<>();
  private final ArticlePublisher publisher = TestPublishers.over(producer, stats, CLOCK);
  private final PageFetcher pages =
      new PageFetcher(TestFetch.fetcher(TestFetch.settings()), new PageExtractor(1 << 20));

  @BeforeEach
  void start() throws Exception {
    server = TestFetch.server();
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path);
          switch (path) {
            case "/robots.txt" ->
                TestFetch.send(exchange, 200, "User-agent: *\nDisallow: /private/\n");
            case "/news/harbour" -> {
              exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
              TestFetch.send(exchange, 200, PAGE);
            }
            default -> TestFetch.send(exchange, 404, "");
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    publisher.close();
    server.stop(0);
  }

  @Test
  void shouldCompleteARecordWithoutABodyFromItsPageAndKeepWhatTheRecordSaid() throws Exception {
    String url = TestFetch.url(server, "/news/harbour") + "?utm_source=newsletter";
    Files.writeString(
        dir.resolve("links.jsonl"),
        "{\"id\":\"cn-17\",\"source\":\"coast\",\"url\":\""
            + url
            + "\",\"dateline\":\"ESBJERG\",\"summary\":\"The port is open again.\"}\n");

    ingestor().pass(publisher, stats, rejections::add);

    assertThat(rejections).isEmpty();
    Article article = TestPublishers.raw(producer).get(0).value();
    assertThat(article.id()).isEqualTo(ArticleIds.fromSourceId("coast", "cn-17"));
    assertThat(article.sourceId()).isEqualTo("cn-17");
    assertThat(article.body())
        .startsWith("The harbour of Esbjerg reopened on Monday")
        .contains("a fund would be set up before Christmas.")
        .doesNotContain("newsletter")
        .doesNotContain("Home");
    assertThat(article.body().split("\n\n")).hasSize(3);
    assertThat(article.title()).isEqualTo("Harbour reopens after storm");
    assertThat(OffsetDateTime.parse(article.published()))
        .isEqualTo(OffsetDateTime.parse("2026-11-30T09:15:00+01:00"));
    assertThat(article.authors()).containsExactly("Maria Jensen");
    assertThat(article.summary()).isEqualTo("The port is open again.");
    assertThat(article.dateline()).isEqualTo("ESBJERG");
    assertThat(article.finalUrl()).isEqualTo(url);
    assertThat(article.canonicalUrl()).isEqualTo(TestFetch.url(server, "/news/harbour").toString());
    assertThat(stats.published()).isEqualTo(1);
  }

  @Test
  void shouldRejectARecordWhosePageRobotsTxtDisallowsWithoutRequestingIt() throws Exception {
    Files.writeString(
        dir.resolve("links.jsonl"),
        "{\"id\":\"cn-18\",\"url\":\""
            + TestFetch.url(server, "/private/memo")
            + "\",\"published\":\"2026-11-30\"}\n"
            + "{\"id\":\"cn-19\",\"url\":\""
            + TestFetch.url(server, "/gone")
            + "\",\"published\":\"2026-11-30\"}\n");

    ingestor().pass(publisher, stats, rejections::add);

    assertThat(TestPublishers.raw(producer)).isEmpty();
    Map<String, String> reasons =
        rejections.stream()
            .collect(
                Collectors.toMap(
                    r -> r.location().substring(r.location().lastIndexOf(':') + 1),
                    ParseResult.Rejected::reason));
    assertThat(reasons)
        .containsEntry("1", "empty body, and the page gave none: robots.txt disallows")
        .containsEntry("2", "empty body, and the page gave none: HTTP 404");
    assertThat(requests).doesNotContain("/private/memo").contains("/gone");
  }

  @Test
  void shouldNotFetchThePageOfARecordThatHasABody() throws Exception {
    Files.writeString(
        dir.resolve("full.jsonl"),
        "{\"id\":\"cn-20\",\"url\":\""
            + TestFetch.url(server, "/news/harbour")
            + "\",\"published\":\"2026-11-30\",\"body\":\"The wire's own text.\"}\n");

    ingestor().pass(publisher, stats, rejections::add);

    assertThat(TestPublishers.raw(producer))
        .extracting(r -> r.value().body())
        .containsExactly("The wire's own text.");
    assertThat(requests).isEmpty();
  }

  @Test
  void shouldRejectARecordWithoutABodyWhenPagesAreNotFetchedAndSayWhatWouldFetchIt()
      throws Exception {
    Files.writeString(
        dir.resolve("links.jsonl"),
        "{\"id\":\"cn-21\",\"url\":\"" + TestFetch.url(server, "/news/harbour") + "\"}\n");

    new FileIngestor(List.of(dir), "files", LIMITS, IngestState.inMemory())
        .pass(publisher, stats, rejections::add);

    assertThat(rejections)
        .extracting(ParseResult.Rejected::reason)
        .containsExactly("empty body (ingest.files.fetch.pages=true would fetch its url)");
    assertThat(requests).isEmpty();
    assertThat(TestPublishers.raw(producer)).isEmpty();
  }

  private FileIngestor ingestor() {
    return new FileIngestor(List.of(dir), "files", LIMITS, IngestState.inMemory(), pages);
  }
}
