package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.Eventually;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.RetryPolicy;
import io.wirestream.ingest.TestPublishers;
import io.wirestream.ingest.feed.FeedPoller.Outcome;
import io.wirestream.ingest.feed.FeedPoller.Status;
import io.wirestream.ingest.fetch.FetchResponse;
import io.wirestream.ingest.fetch.FetchSettings;
import io.wirestream.ingest.fetch.Fetcher;
import io.wirestream.ingest.fetch.TestFetch;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.ingest.page.PageFetcher;
import io.wirestream.ingest.state.IngestState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedPollerTest {

  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration INTERVAL = Duration.ofMinutes(1);

  private static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>T</title>
        <item><guid>a1</guid><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>
          <description>&lt;p&gt;First story.&lt;/p&gt;</description></item>
        <item><guid>a2</guid><pubDate>Wed, 12 Apr 2017 11:15:00 GMT</pubDate>
          <description>Second story.</description></item>
        <item><guid>a3</guid><description>Undated story.</description></item>
      </channel></rss>
      """;

  private static final String ATOM =
      """
      <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
        <entry><id>e1</id><updated>2017-04-12T10:15:00Z</updated><summary>Atom story.</summary></entry>
      </feed>
      """;

  @TempDir Path dir;

  private HttpServer server;
  private final List<Headers> rssRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger growingFetches = new AtomicInteger();
  private final AtomicInteger changingFetches = new AtomicInteger();
  private final AtomicInteger correctedFetches = new AtomicInteger();
  private final List<String> otherRequests = new CopyOnWriteArrayList<>();
  private final MockProducer<String, byte[]> producer = TestPublishers.acknowledging();
  private final IngestStats stats = new IngestStats();
  private final ArticlePublisher publisher = TestPublishers.over(producer, stats, CLOCK);
  private final List<ParseResult.Rejected> rejections = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/rss",
        exchange -> {
          rssRequests.add(exchange.getRequestHeaders());
          if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            send(exchange, 304, null);
          } else {
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            send(exchange, 200, RSS);
          }
        });
    server.createContext("/atom", exchange -> send(exchange, 200, ATOM));
    server.createContext(
        "/rss-changing",
        exchange ->
            send(exchange, 200, RSS + "<!-- fetch " + changingFetches.incrementAndGet() + " -->"));
    server.createContext("/broken", exchange -> send(exchange, 500, "oops"));
    server.createContext("/busy", exchange -> send(exchange, 429, "later"));
    server.createContext(
        "/corrected",
        exchange -> {
          String body =
              correctedFetches.incrementAndGet() == 1 ? "Talks began." : "Talks began on Monday.";
          send(
              exchange,
              200,
              "<rss version=\"2.0\"><channel><item><guid>c-1</guid>"
                  + "<pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate><description>"
                  + body
                  + "</description></item><item><guid>c-2</guid>"
                  + "<pubDate>Wed, 12 Apr 2017 11:15:00 GMT</pubDate>"
                  + "<description>Unchanged.</description></item></channel></rss>");
        });
    server.createContext(
        "/rss-no-validators",
        exchange -> {
          rssRequests.add(exchange.getRequestHeaders());
          send(exchange, 200, RSS);
        });
    server.createContext(
        "/gzip",
        exchange -> {
          ByteArrayOutputStream zipped = new ByteArrayOutputStream();
          try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(ATOM.getBytes(StandardCharsets.UTF_8));
          }
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          exchange.sendResponseHeaders(200, zipped.size());
          try (OutputStream out = exchange.getResponseBody()) {
            zipped.writeTo(out);
          }
        });
    server.createContext(
        "/latin1",
        exchange -> {
          byte[] body =
              ("<rss version=\"2.0\"><channel><item><guid>l</guid>"
                      + "<pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>"
                      + "<description>Caf\u00e9 cr\u00e8me.</description></item></channel></rss>")
                  .getBytes(StandardCharsets.ISO_8859_1);
          exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=ISO-8859-1");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext("/gone", exchange -> send(exchange, 404, "no"));
    server.createContext("/removed", exchange -> send(exchange, 410, "gone for good"));
    server.createContext(
        "/hourly",
        exchange ->
            send(exchange, 200, RSS.replace("<title>T</title>", "<title>T</title><ttl>60</ttl>")));
    server.createContext(
        "/twice-daily",
        exchange ->
            send(
                exchange,
                200,
                RSS.replace(
                        "<rss version=\"2.0\">",
                        "<rss version=\"2.0\" xmlns:sy=\"" + FeedParser.SY + "\">")
                    .replace(
                        "<title>T</title>",
                        "<title>T</title><sy:updatePeriod>daily</sy:updatePeriod>"
                            + "<sy:updateFrequency>2</sy:updateFrequency>")));
    server.createContext(
        "/max-age",
        exchange -> {
          exchange.getResponseHeaders().add("Cache-Control", "public, max-age=1800");
          send(exchange, 200, ATOM);
        });
    server.createContext(
        "/rate-limited",
        exchange -> {
          otherRequests.add(exchange.getRequestURI().getPath());
          exchange.getResponseHeaders().add("Retry-After", "120");
          send(exchange, 429, "slow down");
        });
    server.createContext(
        "/same-host",
        exchange -> {
          otherRequests.add(exchange.getRequestURI().getPath());
          send(exchange, 200, ATOM);
        });
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/atom");
          send(exchange, 301, null);
        });
    server.createContext(
        "/growing",
        exchange -> {
          int n = growingFetches.incrementAndGet();
          StringBuilder entries = new StringBuilder();
          for (int i = 1; i <= n; i++) {
            entries
                .append("<entry><id>g")
                .append(i)
                .append("</id><updated>2017-04-1")
                .append(i)
                .append("T00:00:00Z</updated><summary>Story ")
                .append(i)
                .append(".</summary></entry>");
          }
          send(exchange, 200, "<feed xmlns=\"http://www.w3.org/2005/Atom\">" + entries + "</feed>");
        });
    server.createContext(
        "/xxe",
        exchange -> {
          Path secret = dir.resolve("secret.txt");
          Files.writeString(secret, "TOP-SECRET");
          send(
              exchange,
              200,
              "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                  + secret.toUri()
                  + "\">]>"
                  + "<rss version=\"2.0\"><channel><item><guid>x</guid>"
                  + "<pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>"
                  + "<description>leak: &xxe;</description></item></channel></rss>");
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private static void send(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static final FeedSchedule.Bounds BOUNDS =
      new FeedSchedule.Bounds(INTERVAL, INTERVAL, Duration.ofHours(24), 5);

  private final List<FeedPoller> pollers = new ArrayList<>();

  @AfterEach
  void closePollers() {
    pollers.forEach(FeedPoller::close);
  }

  private FeedPoller poller(URI... feeds) {
    return poller(TestFetch.settings(), feeds);
  }

  /** Jitter fixed at its middle (factor 1), so backoff is exact. */
  private FeedPoller poller(FetchSettings settings, URI... feeds) {
    FeedPoller poller =
        new FeedPoller(
            List.of(feeds),
            new FeedParser(null),
            TestFetch.fetcher(settings),
            new FeedSchedule(BOUNDS, CLOCK, () -> 0.5),
            4,
            settings.hostConcurrency(),
            Duration.ofSeconds(5),
            CLOCK);
    pollers.add(poller);
    return poller;
  }

  private FeedPoller statefulPoller(URI feed, IngestState state) {
    FetchSettings settings = TestFetch.settings();
    FeedPoller poller =
        new FeedPoller(
            List.of(feed),
            new FeedParser(null),
            TestFetch.fetcher(settings),
            new FeedSchedule(BOUNDS, CLOCK, () -> 0.5),
            4,
            settings.hostConcurrency(),
            Duration.ofSeconds(5),
            CLOCK,
            state);
    pollers.add(poller);
    return poller;
  }

  @Test
  void shouldPublishParsedItemsAndReportRejectedOnes() throws Exception {
    List<Outcome> outcomes = poller(url("/rss")).pollAll(publisher, stats, rejections::add);

    assertThat(outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo(Status.FETCHED);
              assertThat(o.published()).isEqualTo(2);
            });
    assertThat(TestPublishers.raw(producer))
        .extracting(r -> r.value().body())
        .containsExactly("First story.", "Second story.");
    assertThat(TestPublishers.raw(producer))
        .allSatisfy(
            r -> {
              assertThat(r.key()).isEqualTo(r.value().id());
              assertThat(r.value().source()).isEqualTo("127.0.0.1");
              assertThat(r.value().ingestedAt()).isEqualTo(NOW);
            });
    assertThat(rejections)
        .extracting(ParseResult.Rejected::location)
        .containsExactly(url("/rss") + "#item 3");
    assertThat(stats.rejected()).isEqualTo(1);
    assertThat(rssRequests.get(0).getFirst("User-Agent"))
        .isEqualTo("Wirestream/test (+https://example.org/contact)");
  }

  @Test
  void shouldSendTheEtagBackAndPublishNothingOnNotModified() throws Exception {
    FeedPoller poller = poller(url("/rss"));
    poller.pollAll(publisher, stats, rejections::add);

    List<Outcome> second = poller.pollAll(publisher, stats, rejections::add);

    assertThat(rssRequests).hasSize(2);
    assertThat(rssRequests.get(0).getFirst("If-None-Match")).isNull();
    assertThat(rssRequests.get(1).getFirst("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(second).extracting(Outcome::status).containsExactly(Status.NOT_MODIFIED);
    assertThat(TestPublishers.raw(producer)).hasSize(2);
    assertThat(rejections).hasSize(1);
  }

  @Test
  void shouldPublishOnlyItemsNotPublishedBefore() throws Exception {
    FeedPoller poller = poller(url("/growing"));

    poller.pollAll(publisher, stats, rejections::add);
    List<Outcome> second = poller.pollAll(publisher, stats, rejections::add);

    assertThat(second).extracting(Outcome::published).containsExactly(1);
    assertThat(TestPublishers.raw(producer))
        .extracting(r -> r.value().body())
        .containsExactly("Story 1.", "Story 2.");
  }

  @Test
  void shouldKeepPollingTheOtherFeedsWhenOneFails() throws Exception {
    FeedPoller poller = poller(url("/broken"), url("/gone"), url("/moved"));

    List<Outcome> outcomes = poller.pollAll(publisher, stats, rejections::add);

    assertThat(outcomes)
        .extracting(Outcome::status)
        .containsExactly(Status.RETRYING, Status.RETRYING, Status.FETCHED);
    assertThat(outcomes.get(0).detail()).isEqualTo("HTTP 500");
    assertThat(outcomes.get(1).detail()).isEqualTo("HTTP 404");
    assertThat(TestPublishers.raw(producer))
        .extracting(ProducerRecord::value)
        .extracting(Article::body)
        .containsExactly("Atom story.");
  }

  @Test
  void shouldBackOffExponentiallyAndDisableAFeedAfterConsecutiveFailures() throws Exception {
    FeedPoller poller = poller(url("/broken"), url("/gone"), url("/atom"));

    poller.pollAll(publisher, stats, rejections::add);
    assertThat(poller.state(url("/broken")).nextDue()).isEqualTo(NOW.plus(INTERVAL));
    assertThat(poller.state(url("/gone")).nextDue()).isEqualTo(NOW.plus(INTERVAL));
    poller.pollAll(publisher, stats, rejections::add);
    assertThat(poller.state(url("/broken")).nextDue())
        .isEqualTo(NOW.plus(INTERVAL.multipliedBy(2)));
    poller.pollAll(publisher, stats, rejections::add);
    assertThat(poller.state(url("/gone")).nextDue()).isEqualTo(NOW.plus(INTERVAL.multipliedBy(4)));

    poller.pollAll(publisher, stats, rejections::add);
    List<Outcome> fifth = poller.pollAll(publisher, stats, rejections::add);

    assertThat(fifth)
        .extracting(Outcome::status)
        .containsExactly(Status.DISABLED, Status.DISABLED, Status.NOT_MODIFIED);
    assertThat(poller.state(url("/gone")).disabledReason())
        .isEqualTo("5 consecutive failures, the last: HTTP 404");
    assertThat(poller.pollAll(publisher, stats, rejections::add))
        .extracting(Outcome::feed)
        .containsExactly(url("/atom"));
  }

  @Test
  void shouldPollOnlyFeedsThatAreDue() throws Exception {
    FeedPoller poller = poller(url("/rss"));
    assertThat(poller.untilNextDue()).isZero();

    assertThat(poller.pollDue(publisher, stats, rejections::add)).isEmpty();
    poller.awaitFinished(Duration.ofSeconds(5));
    assertThat(poller.pollDue(publisher, stats, rejections::add)).hasSize(1);
    assertThat(poller.untilNextDue()).isEqualTo(INTERVAL);
    assertThat(poller.pollDue(publisher, stats, rejections::add)).isEmpty();
    assertThat(poller.inFlight()).isZero();
    assertThat(rssRequests).hasSize(1);
  }

  @Test
  void shouldNotResolveExternalEntitiesOfAFetchedFeed() throws Exception {
    List<Outcome> outcomes = poller(url("/xxe")).pollAll(publisher, stats, rejections::add);

    assertThat(outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo(Status.RETRYING);
              assertThat(o.detail()).contains("not well-formed XML").doesNotContain("TOP-SECRET");
            });
    assertThat(TestPublishers.raw(producer)).isEmpty();
  }

  @Test
  void shouldReadFileUrlsAndNoticeWhenTheyAreUnchanged() throws Exception {
    Path file = Files.writeString(dir.resolve("feed.xml"), ATOM);
    FeedPoller poller = poller(file.toUri());

    assertThat(poller.pollAll(publisher, stats, rejections::add))
        .extracting(Outcome::status)
        .containsExactly(Status.FETCHED);
    assertThat(poller.pollAll(publisher, stats, rejections::add))
        .extracting(Outcome::status)
        .containsExactly(Status.NOT_MODIFIED);
    assertThat(TestPublishers.raw(producer))
        .singleElement()
        .satisfies(r -> assertThat(r.value().source()).isEqualTo("feeds"));
  }

  @Test
  void shouldRefuseUrlsItCannotFetch() {
    assertThatThrownBy(() -> FeedPoller.checkUrl(URI.create("ftp://example.org/feed"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://example.org/feed");
    assertThatThrownBy(() -> FeedPoller.checkUrl(URI.create("feed.xml"), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeedPoller.checkUrl(URI.create("file:///tmp/feed.xml"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ingest.fetch.allow.file");
  }

  @Test
  void shouldReportARejectedItemOnceThoughTheFeedRepeatsIt() throws Exception {
    FeedPoller poller = poller(url("/rss-changing"));

    poller.pollAll(publisher, stats, rejections::add);
    List<Outcome> second = poller.pollAll(publisher, stats, rejections::add);

    assertThat(second)
        .extracting(Outcome::status, Outcome::published)
        .containsExactly(tuple(Status.FETCHED, 0));
    assertThat(rejections).hasSize(1);
    assertThat(stats.rejected()).isEqualTo(1);
    assertThat(TestPublishers.raw(producer)).hasSize(2);
  }

  @Test
  void shouldRetryTooManyRequestsAndSurviveUnfetchableUrls() throws Exception {
    FeedPoller poller = poller(url("/busy"), URI.create("file://some-host/feed.xml"), url("/atom"));

    assertThat(poller.pollAll(publisher, stats, rejections::add))
        .extracting(Outcome::status)
        .containsExactly(Status.RETRYING, Status.RETRYING, Status.FETCHED);
    assertThat(TestPublishers.raw(producer)).hasSize(1);
  }

  @Test
  void shouldDecompressGzipAndHonourTheServerCharset() throws Exception {
    poller(url("/gzip"), url("/latin1")).pollAll(publisher, stats, rejections::add);

    assertThat(TestPublishers.raw(producer))
        .extracting(r -> r.value().body())
        .containsExactly("Atom story.", "Café crème.");
  }

  @Test
  void shouldReadTheCharsetOfAContentType() {
    assertThat(FetchResponse.charset("text/xml; charset=\"iso-8859-1\""))
        .isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(FetchResponse.charset("application/rss+xml")).isNull();
    assertThat(FetchResponse.charset("text/xml; charset=no-such-charset")).isNull();
  }

  @Test
  void shouldFetchTheWholeFeedAgainAndRepublishItemsWhoseDeliveryFailed() throws Exception {
    MockProducer<String, byte[]> manual = TestPublishers.manual();
    IngestStats counts = new IngestStats();
    try (ArticlePublisher failing =
        TestPublishers.over(
            manual,
            counts,
            CLOCK,
            new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO),
            1 << 20)) {
      FeedPoller poller = poller(url("/rss"));
      poller.pollAll(failing, counts, rejections::add);
      manual.errorNext(new TimeoutException("broker gone"));
      manual.completeNext();

      List<Outcome> second = poller.pollAll(failing, counts, rejections::add);

      assertThat(counts.failed()).isEqualTo(1);
      assertThat(rssRequests.get(1).getFirst("If-None-Match")).isNull();
      // The whole fetch is published again: an item acknowledged twice is the same article.
      assertThat(second).extracting(Outcome::published).containsExactly(2);
      assertThat(TestPublishers.raw(manual))
          .extracting(r -> r.value().body())
          .containsExactly("First story.", "Second story.", "First story.", "Second story.");
    }
  }

  @Test
  void shouldNotRepublishItemsWhileTheirDeliveryIsUnderWay() throws Exception {
    MockProducer<String, byte[]> manual = TestPublishers.manual();
    IngestStats counts = new IngestStats();
    try (ArticlePublisher slow = TestPublishers.over(manual, counts, CLOCK)) {
      FeedPoller poller = poller(url("/rss-changing"));
      poller.pollAll(slow, counts, rejections::add);

      List<Outcome> second = poller.pollAll(slow, counts, rejections::add);
      manual.completeNext();
      manual.completeNext();
      List<Outcome> third = poller.pollAll(slow, counts, rejections::add);

      assertThat(second).extracting(Outcome::published).containsExactly(0);
      assertThat(third).extracting(Outcome::published).containsExactly(0);
      assertThat(manual.history()).hasSize(2);
      assertThat(counts.published()).isEqualTo(2);
    }
  }

  @Test
  void shouldNotParseABodyWithoutValidatorsThatDidNotChange() throws Exception {
    FeedPoller poller = poller(url("/rss-no-validators"));

    List<Outcome> first = poller.pollAll(publisher, stats, rejections::add);
    List<Outcome> second = poller.pollAll(publisher, stats, rejections::add);

    assertThat(rssRequests).hasSize(2);
    assertThat(first).extracting(Outcome::status).containsExactly(Status.FETCHED);
    assertThat(second)
        .extracting(Outcome::status, Outcome::detail)
        .containsExactly(tuple(Status.NOT_MODIFIED, "same body as last time"));
    assertThat(TestPublishers.raw(producer)).hasSize(2);
    assertThat(rejections).hasSize(1);
  }

  @Test
  void shouldWaitTheFeedsTtlBeforeFetchingItAgain() throws Exception {
    FeedPoller poller = poller(url("/hourly"), url("/rss"));

    poller.pollAll(publisher, stats, rejections::add);

    assertThat(poller.state(url("/hourly")).nextDue()).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
    assertThat(poller.state(url("/rss")).nextDue()).isEqualTo(NOW.plus(INTERVAL));
  }

  @Test
  void shouldSpreadTheSyndicationUpdateFrequencyOverItsPeriod() throws Exception {
    FeedPoller poller = poller(url("/twice-daily"));

    poller.pollAll(publisher, stats, rejections::add);

    assertThat(poller.state(url("/twice-daily")).nextDue())
        .isEqualTo(NOW.plus(Duration.ofHours(12)));
  }

  @Test
  void shouldWaitTheResponsesCacheMaxAge() throws Exception {
    FeedPoller poller = poller(url("/max-age"));

    poller.pollAll(publisher, stats, rejections::add);

    assertThat(poller.state(url("/max-age")).nextDue()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
  }

  @Test
  void shouldDisableAFeedThatIsGoneAtOnceAndKeepTheReason() throws Exception {
    FeedPoller poller = poller(url("/removed"), url("/atom"));

    List<Outcome> outcomes = poller.pollAll(publisher, stats, rejections::add);

    assertThat(outcomes)
        .extracting(Outcome::status)
        .containsExactly(Status.DISABLED, Status.FETCHED);
    assertThat(poller.state(url("/removed")).disabledReason())
        .isEqualTo("gone (HTTP 410): HTTP 410");
    assertThat(poller.pollAll(publisher, stats, rejections::add))
        .extracting(Outcome::feed)
        .containsExactly(url("/atom"));
  }

  @Test
  void shouldLeaveTheWholeHostAloneForItsRetryAfter() throws Exception {
    FeedPoller poller = poller(url("/rate-limited"), url("/same-host"));

    List<Outcome> outcomes = poller.pollAll(publisher, stats, rejections::add);

    assertThat(outcomes)
        .extracting(Outcome::status)
        .containsExactly(Status.RETRYING, Status.DEFERRED);
    assertThat(otherRequests).containsExactly("/rate-limited");
    // The Retry-After (120 s) beats the first backoff (1 min) for the feed that got it...
    assertThat(poller.state(url("/rate-limited")).nextDue())
        .isAfterOrEqualTo(NOW.plus(Duration.ofSeconds(115)));
    // ...and holds the other feed of the host back as long, without counting as its failure.
    assertThat(poller.state(url("/same-host")).nextDue())
        .isAfterOrEqualTo(NOW.plus(Duration.ofSeconds(115)));
    assertThat(poller.state(url("/same-host")).failures()).isZero();
  }

  @Test
  void shouldNotHoldUpOtherFeedsWhileOneIsSlow() throws Exception {
    HttpServer slow = TestFetch.server();
    CountDownLatch release = new CountDownLatch(1);
    slow.createContext(
        "/slow",
        exchange -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(exchange, 200, ATOM);
        });
    slow.start();
    try {
      FeedPoller poller = poller(TestFetch.url(slow, "/slow"), url("/rss"));

      long start = System.nanoTime();
      assertThat(poller.pollDue(publisher, stats, rejections::add)).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      List<Outcome> outcomes = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (outcomes.isEmpty() && System.nanoTime() < deadline) {
        poller.awaitFinished(Duration.ofMillis(100));
        outcomes.addAll(poller.pollDue(publisher, stats, rejections::add));
      }

      assertThat(outcomes).extracting(Outcome::feed).containsExactly(url("/rss"));
      assertThat(poller.inFlight()).isEqualTo(1);
      release.countDown();
      Eventually.until(
          "the slow feed is in",
          () -> {
            try {
              poller.awaitFinished(Duration.ofMillis(50));
            } catch (InterruptedException e) {
              throw new AssertionError(e);
            }
            return poller.pollDue(publisher, stats, rejections::add).stream()
                .anyMatch(o -> o.status() == Status.FETCHED);
          });
    } finally {
      release.countDown();
      slow.stop(0);
    }
  }

  @Test
  void shouldPublishAChangedItemAgainAsTheNextRevisionOfTheSameArticle() throws Exception {
    FeedPoller poller = poller(url("/corrected"));
    poller.pollAll(publisher, stats, rejections::add);
    poller.pollAll(publisher, stats, rejections::add);
    poller.pollAll(publisher, stats, rejections::add);

    List<ProducerRecord<String, Article>> sent = TestPublishers.raw(producer);
    assertThat(sent)
        .extracting(r -> r.value().body() + " r" + r.value().revision())
        .containsExactly("Talks began. rnull", "Unchanged. rnull", "Talks began on Monday. r1");
    assertThat(sent.get(2).key()).isEqualTo(sent.get(0).key());
  }

  @Test
  void shouldStartFromTheStateOfAnEarlierPollerAndPublishNothingTwice() throws Exception {
    IngestState state = IngestState.inMemory();
    FeedPoller first = statefulPoller(url("/rss"), state);
    first.pollAll(publisher, stats, rejections::add);
    first.close();

    FeedPoller second = statefulPoller(url("/rss"), state);
    List<Outcome> outcomes = second.pollAll(publisher, stats, rejections::add);
    second.close();

    assertThat(rssRequests.get(1).getFirst("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(outcomes).extracting(Outcome::status).containsExactly(Status.NOT_MODIFIED);
    assertThat(TestPublishers.raw(producer)).hasSize(2);
    assertThat(state.feed(url("/rss").toString()))
        .hasValueSatisfying(
            mark -> {
              assertThat(mark.lastStatus()).isEqualTo(304);
              assertThat(mark.itemsSeen()).isEqualTo(2);
              assertThat(mark.items()).hasSize(2);
            });
  }

  @Test
  void shouldKeepTheIntervalLearnedFromTheFeedAcrossARestart() throws Exception {
    IngestState state = IngestState.inMemory();
    FeedPoller first = statefulPoller(url("/rss"), state);
    first.pollAll(publisher, stats, rejections::add);
    // Nothing new the second time: a quiet feed is asked half as often again.
    first.pollAll(publisher, stats, rejections::add);
    Duration learned = first.state(url("/rss")).interval();
    first.close();

    FeedPoller second = statefulPoller(url("/rss"), state);

    assertThat(learned).isEqualTo(INTERVAL.multipliedBy(3).dividedBy(2));
    assertThat(state.feed(url("/rss").toString()))
        .hasValueSatisfying(
            mark -> assertThat(mark.intervalMillis()).isEqualTo(learned.toMillis()));
    assertThat(second.state(url("/rss")).interval()).isEqualTo(learned);
    second.close();
  }

  private FeedPoller pagesPoller(URI feed) {
    FetchSettings settings = TestFetch.settings();
    Fetcher fetcher = TestFetch.fetcher(settings);
    FeedPoller poller =
        new FeedPoller(
            List.of(feed),
            new FeedParser(null),
            fetcher,
            new FeedSchedule(BOUNDS, CLOCK, () -> 0.5),
            4,
            settings.hostConcurrency(),
            Duration.ofSeconds(5),
            CLOCK,
            IngestState.inMemory(),
            new PageFetcher(fetcher, new PageExtractor(1 << 20)));
    pollers.add(poller);
    return poller;
  }

  private static String page(String canonical, String text) {
    return "<html lang=\"en\"><head><title>Page title</title><link rel=\"canonical\" href=\""
        + canonical
        + "\"></head><body><nav><a href=\"/\">Home</a></nav><article><p>"
        + text
        + "</p><p>The minister said the talks would go on next week in Geneva, where both"
        + " delegations have booked rooms until the end of the month.</p></article></body></html>";
  }

  private void servePage(String path, String canonical, String text) {
    server.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          send(exchange, 200, page(canonical, text));
        });
  }

  @Test
  void shouldKeepTheIdOfARevisedItemWhosePageMoved() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    server.createContext(
        "/moving",
        exchange -> {
          boolean first = fetches.incrementAndGet() == 1;
          send(
              exchange,
              200,
              "<rss version=\"2.0\"><channel><item><guid>m-1</guid><link>"
                  + (first ? "/page/a" : "/page/b")
                  + "</link><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate><description>"
                  + (first ? "Talks began." : "Talks began on Monday.")
                  + "</description></item></channel></rss>");
        });
    servePage(
        "/page/a", url("/page/a").toString(), "The foreign ministers met for talks on Monday.");
    servePage(
        "/page/b",
        url("/page/b").toString(),
        "The foreign ministers of both countries met for talks on Monday morning.");
    FeedPoller poller = pagesPoller(url("/moving"));
    poller.pollAll(publisher, stats, rejections::add);
    poller.pollAll(publisher, stats, rejections::add);

    List<ProducerRecord<String, Article>> sent = TestPublishers.raw(producer);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).key())
        .isEqualTo(ArticleIds.fromUrl("127.0.0.1", url("/page/a").toString()));
    assertThat(sent.get(1).key()).isEqualTo(sent.get(0).key());
    assertThat(sent.get(1).value().revision()).isEqualTo(1);
    assertThat(sent.get(1).value().body()).startsWith("The foreign ministers of both countries");
    assertThat(sent.get(1).value().summary()).isEqualTo("Talks began on Monday.");
    assertThat(sent.get(1).value().sourceId()).isEqualTo("m-1");
  }

  @Test
  void shouldTakeTheBodyAndDateOfAnItemWithoutThemFromItsPageAndDeadLetterOneWithNeither()
      throws Exception {
    server.createContext(
        "/bare",
        exchange ->
            send(
                exchange,
                200,
                "<rss version=\"2.0\"><channel>"
                    + "<item><guid>b-1</guid><link>/page/dated</link><title>Bare</title></item>"
                    + "<item><guid>b-2</guid><link>/page/missing</link>"
                    + "<pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate></item>"
                    + "</channel></rss>"));
    server.createContext(
        "/page/dated",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          send(
              exchange,
              200,
              page(url("/page/dated").toString(), "Talks resumed in Geneva on Monday.")
                  .replace(
                      "<title>",
                      "<meta property=\"article:published_time\""
                          + " content=\"2017-04-12T12:15:00+02:00\"><title>"));
        });
    FeedPoller poller = pagesPoller(url("/bare"));
    poller.pollAll(publisher, stats, rejections::add);

    assertThat(TestPublishers.raw(producer))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.value().body()).startsWith("Talks resumed in Geneva on Monday.");
              assertThat(r.value().published()).isEqualTo("2017-04-12T12:15+02:00");
              assertThat(r.value().title()).isEqualTo("Bare");
              assertThat(r.value().summary()).isNull();
            });
    assertThat(rejections)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.location()).isEqualTo(url("/bare") + "#item 2");
              assertThat(r.reason()).isEqualTo("empty body, and the page gave none: HTTP 404");
            });
    assertThat(stats.pages()).isEqualTo(2);
    assertThat(stats.pagesExtracted()).isEqualTo(1);
  }
}
