package io.wirestream.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.ingest.fetch.TestFetch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFetcherTest {

  @TempDir Path dir;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
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
            case "/report.pdf" -> {
              exchange.getResponseHeaders().add("Content-Type", "application/pdf");
              TestFetch.send(exchange, 200, "%PDF-1.7");
            }
            case "/down" -> TestFetch.send(exchange, 503, "down");
            case "/empty" -> {
              exchange.getResponseHeaders().add("Content-Type", "text/html");
              TestFetch.send(exchange, 200, "<html><body><nav>Home</nav></body></html>");
            }
            default -> TestFetch.send(exchange, 404, "");
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldNeverReadAFileLinkEvenWhereFileFeedsAreAllowed() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.html"), "<p>not for publishing</p>");

    PageFetch fetch = pages.fetch(secret.toUri());

    assertThat(fetch.outcome()).isEqualTo(PageFetch.Outcome.FAILED);
    assertThat(fetch.problem()).isEqualTo("not an http(s) link");
  }

  @Test
  void shouldRefuseAPageThatIsNotHtml() throws Exception {
    PageFetch fetch = pages.fetch(TestFetch.url(server, "/report.pdf"));

    assertThat(fetch.problem()).isEqualTo("not HTML: application/pdf");
    assertThat(fetch.finalUrl()).isEqualTo(TestFetch.url(server, "/report.pdf"));
  }

  @Test
  void shouldTryAServerErrorThreeTimesAndAClientErrorOnce() throws Exception {
    assertThat(pages.fetch(TestFetch.url(server, "/down")).problem())
        .isEqualTo("HTTP 503 after 3 attempts");
    assertThat(pages.fetch(TestFetch.url(server, "/gone")).problem()).isEqualTo("HTTP 404");

    assertThat(requests.stream().filter(p -> !p.equals("/robots.txt")))
        .containsExactly("/down", "/down", "/down", "/gone");
  }

  @Test
  void shouldSayWhenAPageHoldsNoArticleText() throws Exception {
    PageFetch fetch = pages.fetch(TestFetch.url(server, "/empty"));

    assertThat(fetch.outcome()).isEqualTo(PageFetch.Outcome.NO_TEXT);
    assertThat(fetch.problem()).isEqualTo("no article text");
  }
}
