package io.wirestream.ingest.fetch;

import static io.wirestream.ingest.fetch.TestFetch.send;
import static io.wirestream.ingest.fetch.TestFetch.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every request to one host goes through one politeness: turns, pauses, robots.txt, Retry-After.
 */
class HostPolitenessTest {

  private final List<HttpServer> servers = new ArrayList<>();

  /** Paths requested, in order, with the time each request arrived. */
  private record Request(String path, long nanos) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  private HttpServer serve(Map<String, String> robotsAndPages) throws IOException {
    HttpServer server = TestFetch.server();
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(new Request(path, System.nanoTime()));
          String body = robotsAndPages.get(path);
          send(exchange, body == null ? 404 : 200, body == null ? "no" : body);
        });
    server.start();
    servers.add(server);
    return server;
  }

  private List<String> paths() {
    return requests.stream().map(Request::path).toList();
  }

  @Test
  void shouldNeverRequestAUrlThatRobotsTxtDisallows() throws Exception {
    HttpServer server =
        serve(
            Map.of(
                "/robots.txt", "User-agent: *\nDisallow: /private/\n",
                "/private/feed", "secret",
                "/public/feed", "fine"));
    Fetcher fetcher = TestFetch.fetcher(TestFetch.settings());

    assertThatThrownBy(() -> fetcher.fetch(url(server, "/private/feed"), Validators.NONE))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.ROBOTS))
        .hasMessageContaining("robots.txt disallows");
    FetchResponse allowed = fetcher.fetch(url(server, "/public/feed"), Validators.NONE);

    assertThat(allowed.status()).isEqualTo(200);
    assertThat(paths()).containsExactly("/robots.txt", "/public/feed");
  }

  @Test
  void shouldObeyTheGroupThatNamesWirestream() throws Exception {
    HttpServer server =
        serve(
            Map.of(
                "/robots.txt",
                "User-agent: wirestream\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
                "/feed",
                "x"));
    Fetcher fetcher = TestFetch.fetcher(TestFetch.settings());

    assertThatThrownBy(() -> fetcher.fetch(url(server, "/feed"), Validators.NONE))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("robots.txt disallows");
    assertThat(paths()).containsExactly("/robots.txt");
  }

  @Test
  void shouldWaitTheCrawlDelayBetweenRequestsToAHost() throws Exception {
    HttpServer server =
        serve(Map.of("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", "/a", "a", "/b", "b"));
    Fetcher fetcher = TestFetch.fetcher(TestFetch.settings());

    fetcher.fetch(url(server, "/a"), Validators.NONE);
    fetcher.fetch(url(server, "/b"), Validators.NONE);

    assertThat(paths()).containsExactly("/robots.txt", "/a", "/b");
    for (int i = 1; i < requests.size(); i++) {
      Duration gap = Duration.ofNanos(requests.get(i).nanos() - requests.get(i - 1).nanos());
      assertThat(gap)
          .as("gap before " + requests.get(i).path())
          .isGreaterThan(Duration.ofMillis(950));
    }
  }

  @Test
  void shouldWaitTheConfiguredDelayBetweenRequestsToAHost() throws Exception {
    HttpServer server = serve(Map.of("/a", "a"));
    Fetcher fetcher = TestFetch.fetcher(TestFetch.settings().withHostDelay(Duration.ofMillis(300)));

    for (int i = 0; i < 3; i++) {
      fetcher.fetch(url(server, "/a"), Validators.NONE);
    }

    assertThat(requests).hasSize(4); // robots.txt (404: allow all), then three
    for (int i = 1; i < requests.size(); i++) {
      Duration gap = Duration.ofNanos(requests.get(i).nanos() - requests.get(i - 1).nanos());
      assertThat(gap).isGreaterThan(Duration.ofMillis(290));
    }
  }

  @Test
  void shouldNeverOverlapRequestsToOneHost() throws Exception {
    AtomicInteger current = new AtomicInteger();
    Map<String, Integer> peak = new ConcurrentHashMap<>();
    HttpServer[] hosts = new HttpServer[2];
    for (int h = 0; h < hosts.length; h++) {
      HttpServer server = TestFetch.server();
      String name = "host" + h;
      AtomicInteger underWay = h == 0 ? current : new AtomicInteger();
      server.createContext(
          "/",
          exchange -> {
            int now = underWay.incrementAndGet();
            peak.merge(name, now, Math::max);
            try {
              Thread.sleep(20);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            underWay.decrementAndGet();
            send(exchange, 200, "ok");
          });
      server.start();
      servers.add(server);
      hosts[h] = server;
    }
    Fetcher fetcher = TestFetch.fetcher(TestFetch.settings());
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<Future<FetchResponse>> results = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        URI uri = url(hosts[i % 2], "/feed" + i);
        results.add(callers.submit(() -> fetcher.fetch(uri, Validators.NONE)));
      }
      for (Future<FetchResponse> result : results) {
        assertThat(result.get().status()).isEqualTo(200);
      }
    } finally {
      callers.shutdownNow();
    }

    assertThat(peak).containsEntry("host0", 1).containsEntry("host1", 1);
  }

  @Test
  void shouldLeaveTheHostAloneForItsRetryAfterOnEveryUrl() throws Exception {
    HttpServer server = TestFetch.server();
    List<String> seen = new CopyOnWriteArrayList<>();
    server.createContext(
        "/",
        exchange -> {
          seen.add(exchange.getRequestURI().getPath());
          if (exchange.getRequestURI().getPath().equals("/busy")) {
            exchange.getResponseHeaders().add("Retry-After", "120");
            send(exchange, 503, "later");
          } else {
            send(exchange, 200, "ok");
          }
        });
    server.start();
    servers.add(server);
    Fetcher fetcher = TestFetch.fetcher(TestFetch.settings());

    FetchResponse busy = fetcher.fetch(url(server, "/busy"), Validators.NONE);

    assertThat(busy.status()).isEqualTo(503);
    assertThat(fetcher.politeness().untilReady(url(server, "/other")))
        .isBetween(Duration.ofSeconds(115), Duration.ofSeconds(120));
    assertThatThrownBy(() -> fetcher.fetch(url(server, "/other"), Validators.NONE))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FetchException.Reason.DEFERRED);
              assertThat(e.retryAfter()).isGreaterThan(Duration.ofSeconds(100));
            });
    assertThat(seen).containsExactly("/robots.txt", "/busy");
  }

  @Test
  void shouldKeepOffAHostWhoseRobotsTxtCannotBeFetched() throws Exception {
    HttpServer server = TestFetch.server();
    List<String> seen = new CopyOnWriteArrayList<>();
    server.createContext(
        "/",
        exchange -> {
          seen.add(exchange.getRequestURI().getPath());
          send(exchange, exchange.getRequestURI().getPath().equals("/robots.txt") ? 500 : 200, "x");
        });
    server.start();
    servers.add(server);
    Fetcher fetcher = TestFetch.fetcher(TestFetch.settings());

    assertThatThrownBy(() -> fetcher.fetch(url(server, "/feed"), Validators.NONE))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.DEFERRED))
        .hasMessageContaining("robots.txt");
    assertThat(seen).containsExactly("/robots.txt");
  }
}
