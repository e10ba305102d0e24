package io.wirestream.ingest.fetch;

import static io.wirestream.ingest.fetch.TestFetch.send;
import static io.wirestream.ingest.fetch.TestFetch.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.ingest.fetch.FetchException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetcherTest {

  private static final String BODY = "<rss version=\"2.0\"><channel/></rss>";

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger trickled = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = TestFetch.server();
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path);
          switch (path) {
            case "/feed" -> {
              String tag = exchange.getRequestHeaders().getFirst("If-None-Match");
              if ("\"v1\"".equals(tag)) {
                send(exchange, 304, null);
              } else {
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.getResponseHeaders().add("Last-Modified", "Wed, 12 Apr 2017 10:15:00 GMT");
                send(exchange, 200, BODY);
              }
            }
            case "/agent" ->
                send(exchange, 200, exchange.getRequestHeaders().getFirst("User-Agent"));
            case "/bomb" -> {
              byte[] bomb = gzip(new byte[8 << 20]);
              exchange.getResponseHeaders().add("Content-Encoding", "gzip");
              exchange.sendResponseHeaders(200, bomb.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(bomb);
              }
            }
            case "/big" -> send(exchange, 200, "x".repeat(2 << 20));
            case "/deflate" -> {
              byte[] zlib = deflate(BODY.getBytes(StandardCharsets.UTF_8), false);
              exchange.getResponseHeaders().add("Content-Encoding", "deflate");
              exchange.sendResponseHeaders(200, zlib.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(zlib);
              }
            }
            case "/raw-deflate" -> {
              byte[] raw = deflate(BODY.getBytes(StandardCharsets.UTF_8), true);
              exchange.getResponseHeaders().add("Content-Encoding", "deflate");
              exchange.sendResponseHeaders(200, raw.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(raw);
              }
            }
            case "/trickle" -> {
              exchange.sendResponseHeaders(200, 0);
              try (OutputStream out = exchange.getResponseBody()) {
                // Bounded: 40 bytes, 100 ms apart, stops as soon as the client hangs up.
                for (int i = 0; i < 40; i++) {
                  out.write('<');
                  out.flush();
                  trickled.incrementAndGet();
                  Thread.sleep(100);
                }
              } catch (IOException | InterruptedException e) {
                // the client gave up, as it should
              }
            }
            case "/silent" -> {
              exchange.sendResponseHeaders(200, 0);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write('<');
                out.flush();
                Thread.sleep(3_000);
              } catch (IOException | InterruptedException e) {
                // the client gave up
              }
            }
            case "/a" -> redirect(exchange, 301, "/b");
            case "/b" -> redirect(exchange, 302, "/c");
            case "/c" -> redirect(exchange, 307, "/feed");
            case "/loop1" -> redirect(exchange, 302, "/loop2");
            case "/loop2" -> redirect(exchange, 308, "/loop1");
            case "/to-file" -> redirect(exchange, 302, "file:///etc/passwd");
            case "/no-location" -> send(exchange, 302, null);
            default -> {
              if (path.startsWith("/chain/")) {
                int n = Integer.parseInt(path.substring("/chain/".length()));
                redirect(exchange, 303, "/chain/" + (n + 1));
              } else {
                send(exchange, 404, "no");
              }
            }
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange exchange, int code, String to)
      throws IOException {
    exchange.getResponseHeaders().add("Location", to);
    send(exchange, code, null);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d =
        new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      d.write(data);
    }
    return out.toByteArray();
  }

  private static FetchException fetchFails(Fetcher fetcher, URI uri) {
    try {
      FetchResponse response = fetcher.fetch(uri, Validators.NONE);
      throw new AssertionError("fetched " + uri + ": HTTP " + response.status());
    } catch (FetchException e) {
      return e;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private Fetcher fetcher() {
    return TestFetch.fetcher(TestFetch.settings());
  }

  @Test
  void shouldSendTheValidatorsBackAndGetNotModified() throws Exception {
    Fetcher fetcher = fetcher();
    FetchResponse first = fetcher.fetch(url(server, "/feed"), Validators.NONE);

    FetchResponse second = fetcher.fetch(url(server, "/feed"), first.validators());

    assertThat(first.status()).isEqualTo(200);
    assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
    assertThat(first.validators())
        .isEqualTo(new Validators("\"v1\"", "Wed, 12 Apr 2017 10:15:00 GMT"));
    assertThat(second.isNotModified()).isTrue();
    assertThat(second.body()).isEmpty();
  }

  @Test
  void shouldSendTheConfiguredUserAgent() throws Exception {
    FetchResponse response = fetcher().fetch(url(server, "/agent"), Validators.NONE);

    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("Wirestream/test (+https://example.org/contact)");
  }

  @Test
  void shouldFollowRedirectsAndKeepTheFinalUrl() throws Exception {
    FetchResponse response = fetcher().fetch(url(server, "/a"), Validators.NONE);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.uri()).isEqualTo(url(server, "/feed"));
    assertThat(requests).containsSubsequence("/a", "/b", "/c", "/feed");
  }

  @Test
  void shouldRefuseARedirectLoopAtOnce() {
    FetchException e = fetchFails(fetcher(), url(server, "/loop1"));

    assertThat(e.reason()).isEqualTo(Reason.REDIRECT);
    assertThat(e).hasMessageContaining("redirect loop");
    assertThat(requests.stream().filter(p -> p.startsWith("/loop"))).hasSize(2);
  }

  @Test
  void shouldFollowNoMoreRedirectsThanAllowed() {
    FetchException e = fetchFails(fetcher(), url(server, "/chain/0"));

    assertThat(e.reason()).isEqualTo(Reason.REDIRECT);
    assertThat(e).hasMessageContaining("more than 5 redirects");
    assertThat(requests.stream().filter(p -> p.startsWith("/chain/"))).hasSize(6);
  }

  @Test
  void shouldRefuseARedirectToAFileOrWithoutLocation() {
    FetchException toFile = fetchFails(fetcher(), url(server, "/to-file"));
    FetchException noLocation = fetchFails(fetcher(), url(server, "/no-location"));

    assertThat(toFile.reason()).isEqualTo(Reason.REDIRECT);
    assertThat(toFile).hasMessageContaining("file:");
    assertThat(noLocation.reason()).isEqualTo(Reason.REDIRECT);
    assertThat(noLocation).hasMessageContaining("without Location");
  }

  @Test
  void shouldCheckTheAddressAgainAtEveryRedirect() throws Exception {
    // Both servers are on loopback; the policy stands in for "public" by allowing only 127.0.0.1.
    HttpServer internal = TestFetch.server(InetAddress.getByName("127.0.0.2"));
    AtomicInteger internalRequests = new AtomicInteger();
    internal.createContext(
        "/",
        exchange -> {
          internalRequests.incrementAndGet();
          send(exchange, 200, "internal secret");
        });
    internal.start();
    try {
      server.createContext(
          "/to-internal", exchange -> redirect(exchange, 302, url(internal, "/admin").toString()));
      FetchSettings settings = TestFetch.settings();
      Fetcher fetcher =
          new Fetcher(
              settings,
              HostPoliteness.from(settings),
              HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
              new AddressPolicy(a -> a.getHostAddress().equals("127.0.0.1")),
              Clock.systemUTC());

      FetchException e = fetchFails(fetcher, url(server, "/to-internal"));

      assertThat(e.reason()).isEqualTo(Reason.ADDRESS);
      assertThat(e).hasMessageContaining("127.0.0.2");
      assertThat(internalRequests).hasValue(0);
    } finally {
      internal.stop(0);
    }
  }

  @Test
  void shouldRefuseLoopbackUnlessPrivateAddressesAreAllowed() {
    Fetcher fetcher = TestFetch.fetcher(TestFetch.settings().withAllowPrivate(false));

    FetchException e = fetchFails(fetcher, url(server, "/feed"));

    assertThat(e.reason()).isEqualTo(Reason.ADDRESS);
    assertThat(requests).isEmpty();
  }

  @Test
  void shouldRefuseSchemesOtherThanHttp() {
    FetchException ftp = fetchFails(fetcher(), URI.create("ftp://127.0.0.1/feed"));
    assertThat(ftp.reason()).isEqualTo(Reason.SCHEME);
    assertThatThrownBy(() -> Fetcher.checkUrl(URI.create("file:///tmp/feed.xml"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ingest.fetch.allow.file");
  }

  @Test
  void shouldStopDecompressingAGzipBombAtTheCap() {
    long start = System.nanoTime();
    FetchException e = fetchFails(fetcher(), url(server, "/bomb"));

    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(e).hasMessageContaining("once decompressed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void shouldAbandonABodyLargerThanTheCapAsSent() {
    FetchException e = fetchFails(fetcher(), url(server, "/big"));

    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(e).hasMessageContaining("larger than " + (1 << 20));
  }

  @Test
  void shouldDecodeZlibAndRawDeflate() throws Exception {
    Fetcher fetcher = fetcher();
    for (String path : List.of("/deflate", "/raw-deflate")) {
      FetchResponse response = fetcher.fetch(url(server, path), Validators.NONE);
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path).isEqualTo(BODY);
    }
  }

  @Test
  void shouldCutOffATricklingServerAtTheTotalTimeout() {
    FetchSettings s = TestFetch.settings();
    Fetcher fetcher =
        TestFetch.fetcher(
            new FetchSettings(
                s.connectTimeout(),
                Duration.ofSeconds(2),
                Duration.ofMillis(800),
                s.maxBytes(),
                s.maxDecodedBytes(),
                s.maxRedirects(),
                true,
                true,
                s.userAgent(),
                Duration.ZERO,
                1,
                s.robotsTtl()));
    long start = System.nanoTime();

    FetchException e = fetchFails(fetcher, url(server, "/trickle"));

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e).hasMessageContaining("altogether");
    assertThat(took).isBetween(Duration.ofMillis(700), Duration.ofMillis(3_500));
    assertThat(trickled.get()).isLessThan(40);
  }

  @Test
  void shouldCutOffASilentServerAtTheReadTimeout() {
    FetchSettings s = TestFetch.settings();
    Fetcher fetcher =
        TestFetch.fetcher(
            new FetchSettings(
                s.connectTimeout(),
                Duration.ofMillis(300),
                Duration.ofSeconds(10),
                s.maxBytes(),
                s.maxDecodedBytes(),
                s.maxRedirects(),
                true,
                true,
                s.userAgent(),
                Duration.ZERO,
                1,
                s.robotsTtl()));
    long start = System.nanoTime();

    FetchException e = fetchFails(fetcher, url(server, "/silent"));

    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e).hasMessageContaining("no data for 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
  }
}
