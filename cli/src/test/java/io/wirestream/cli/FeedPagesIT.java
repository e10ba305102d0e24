package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.common.topic.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code wirestream ingest --once --feed URL}: every item's page fetched through the fetch layer
 * (robots.txt, Retry-After, redirects) from a server on 127.0.0.1, and its text published.
 */
class FeedPagesIT {

  private static final String RSS =
      """
      <rss version="2.0"><channel><title>Coast Courier</title>
        <item><guid>p-1</guid><link>/news/harbour</link><title>Harbour reopens</title>
          <pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>
          <description>Teaser: the harbour reopens.</description></item>
        <item><guid>p-2</guid><link>/private/memo</link><title>Internal memo</title>
          <pubDate>Tue, 05 Mar 2024 09:10:00 GMT</pubDate>
          <description>Teaser: a memo.</description></item>
        <item><guid>p-3</guid><link>/news/busy</link><title>Busy page</title>
          <pubDate>Tue, 05 Mar 2024 09:20:00 GMT</pubDate>
          <description>Teaser: the council votes.</description></item>
        <item><guid>p-4</guid><link>/go/bridge</link><title>Bridge</title>
          <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
          <description>Teaser: the bridge.</description></item>
        <item><guid>p-5</guid><link>/news/harbour?utm_source=rss&amp;utm_medium=feed</link>
          <title>Harbour reopens (again)</title><pubDate>Tue, 05 Mar 2024 09:40:00 GMT</pubDate>
          <description>Teaser: the harbour reopens, via a tracking link.</description></item>
        <item><guid>p-6</guid><link>/de/hafen</link><title>Hafen</title>
          <pubDate>Tue, 05 Mar 2024 09:50:00 GMT</pubDate>
          <description>Teaser: der Hafen.</description></item>
        <item><guid>p-7</guid><link>/news/gone</link><title>Gone</title>
          <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
      </channel></rss>
      """;

  /** The feed of the store test: the first feed's items and a copy of one story at another URL. */
  private static final String RSS_WITH_COPY =
      RSS.replace(
          "</channel>",
          """
            <item><guid>p-8</guid><link>/mirror/harbour</link><title>Harbour reopens</title>
              <pubDate>Tue, 05 Mar 2024 11:00:00 GMT</pubDate>
              <description>Teaser: the harbour reopens, on the mirror.</description></item>
          </channel>""");

  @TempDir Path dir;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Long> busyAt = new CopyOnWriteArrayList<>();
  private final AtomicInteger busyCalls = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(path);
    switch (path) {
      case "/robots.txt" ->
          send(exchange, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
      case "/rss" -> send(exchange, 200, "application/rss+xml", RSS);
      case "/rss-with-copy" -> send(exchange, 200, "application/rss+xml", RSS_WITH_COPY);
      case "/mirror/harbour" ->
          send(exchange, 200, "text/html; charset=utf-8", page("en", "/mirror/harbour", HARBOUR));
      case "/news/harbour" ->
          send(exchange, 200, "text/html; charset=utf-8", page("en", "/news/harbour", HARBOUR));
      case "/news/busy" -> {
        busyAt.add(System.nanoTime());
        if (busyCalls.incrementAndGet() == 1) {
          exchange.getResponseHeaders().add("Retry-After", "1");
          send(exchange, 429, "text/plain", "slow down");
        } else {
          send(exchange, 200, "text/html; charset=utf-8", page("en", "/news/busy", COUNCIL));
        }
      }
      case "/go/bridge" -> {
        exchange.getResponseHeaders().add("Location", "/news/bridge");
        send(exchange, 302, "text/plain", "");
      }
      case "/news/bridge" ->
          send(exchange, 200, "text/html; charset=utf-8", page("en", "/news/bridge", BRIDGE));
      case "/de/hafen" ->
          send(exchange, 200, "text/html; charset=utf-8", page("de", "/de/hafen", HAFEN));
      default -> send(exchange, 404, "text/plain", "not found");
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static final String HARBOUR =
      "The port authority of Kingsbridge reopened the northern harbour on Tuesday after three"
          + " weeks of repairs to the sea wall damaged in the February storms.|Harbour master"
          + " Elena Marsh said the first container ship would dock on Wednesday morning and that"
          + " ferry services to the islands would resume at the weekend.|Repairs cost 4.2 million"
          + " pounds, the authority said, and were finished two days ahead of the schedule agreed"
          + " with the regional council in January.";
  static final String COUNCIL =
      "The regional council voted on Monday to extend the coastal bus service to the three"
          + " villages north of Kingsbridge from April.|Councillor Tom Reyes, who proposed the"
          + " change, said residents had waited more than a decade for a reliable connection to"
          + " the hospital and the railway station.|The service will run every forty minutes on"
          + " weekdays and every hour at weekends, the council said in a statement.";
  static final String BRIDGE =
      "Engineers closed the old swing bridge over the River Lune on Thursday evening after"
          + " routine checks found cracks in one of its bearings.|Traffic is being diverted"
          + " through the ring road, and the county's highways office said the bridge would stay"
          + " closed until at least the end of next week.|Pedestrians may still cross on the"
          + " footway on the eastern side while the inspection continues.";
  static final String HAFEN =
      "Der Hafen von Kingsbridge ist seit Dienstag wieder geöffnet, nachdem die Reparaturen an"
          + " der Kaimauer drei Wochen gedauert hatten.|Hafenmeisterin Elena Marsh sagte, das"
          + " erste Containerschiff werde am Mittwochmorgen anlegen und die Fähren zu den Inseln"
          + " würden am Wochenende wieder fahren.|Die Reparaturen kosteten nach Angaben der"
          + " Behörde 4,2 Millionen Pfund und wurden zwei Tage früher als geplant abgeschlossen.";

  private String page(String lang, String path, String text) {
    StringBuilder paragraphs = new StringBuilder();
    for (String p : text.split("\\|")) {
      paragraphs.append("<p>").append(p).append("</p>\n");
    }
    return "<!doctype html><html lang=\""
        + lang
        + "\"><head><title>Story | Coast Courier</title>"
        + "<link rel=\"canonical\" href=\""
        + url(path)
        + "\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a>"
        + " <a href=\"/sport\">Sport</a></nav><article><h1>Story</h1>"
        + paragraphs
        + "</article><footer>© Coast Courier. All rights reserved.</footer></body></html>";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void shouldPublishEachItemsPageTextUnderItsCanonicalUrlAndTheTeaserWhereThePageIsOffLimits()
      throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      CommandLine cli = Wirestream.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));

      cli.execute(
          "ingest",
          "-b",
          broker.bootstrapServers(),
          "--once",
          "-D",
          "ingest.fetch.allow.private=true",
          "-D",
          "ingest.fetch.host.delay.ms=0",
          "--feed",
          url("/rss"));

      assertThat(err.toString()).contains("#item 7: empty body, and the page gave none: HTTP 404");
      assertThat(out.toString()).contains("item pages 7 (extracted 5)");
      WirestreamConfig config =
          WirestreamConfig.load(
              null, Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers()));
      List<ConsumerRecord<String, Article>> records =
          TopicReader.readCommitted(config, new Topics(config).raw(), 6, Duration.ofSeconds(30));
      assertThat(records).hasSize(6);
      Map<String, Article> byGuid = new HashMap<>();
      Map<String, Article> compacted = new HashMap<>();
      for (ConsumerRecord<String, Article> r : records) {
        assertThat(r.key()).isEqualTo(r.value().id());
        byGuid.put(r.value().sourceId(), r.value());
        compacted.put(r.key(), r.value());
      }
      String source = "127.0.0.1";

      Article harbour = byGuid.get("p-1");
      assertThat(harbour.body())
          .startsWith("The port authority of Kingsbridge")
          .contains("Elena Marsh");
      assertThat(harbour.body()).doesNotContain("Home").doesNotContain("All rights reserved");
      assertThat(harbour.summary()).isEqualTo("Teaser: the harbour reopens.");
      assertThat(harbour.id()).isEqualTo(ArticleIds.fromUrl(source, url("/news/harbour")));
      assertThat(harbour.canonicalUrl()).isEqualTo(url("/news/harbour"));
      assertThat(harbour.pageProblem()).isNull();
      assertThat(harbour.language()).isEqualTo("en");

      // The tracking variant is the same page: same id, so the compacted view keeps one.
      assertThat(byGuid.get("p-5").id()).isEqualTo(harbour.id());
      assertThat(compacted).hasSize(5);

      Article memo = byGuid.get("p-2");
      assertThat(requests).doesNotContain("/private/memo");
      assertThat(memo.body()).isEqualTo("Teaser: a memo.");
      assertThat(memo.pageProblem()).isEqualTo("robots.txt disallows");
      assertThat(memo.summary()).isNull();

      Article busy = byGuid.get("p-3");
      assertThat(busy.body()).startsWith("The regional council voted");
      assertThat(busyAt).hasSize(2);
      assertThat(Duration.ofNanos(busyAt.get(1) - busyAt.get(0)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(900));

      Article bridge = byGuid.get("p-4");
      assertThat(bridge.finalUrl()).isEqualTo(url("/news/bridge"));
      assertThat(bridge.url()).isEqualTo(url("/go/bridge"));
      assertThat(bridge.id()).isEqualTo(ArticleIds.fromUrl(source, url("/news/bridge")));
      assertThat(bridge.body()).startsWith("Engineers closed the old swing bridge");

      Article hafen = byGuid.get("p-6");
      assertThat(hafen.language()).isEqualTo("de");
      assertThat(hafen.body()).startsWith("Der Hafen von Kingsbridge");
      assertThat(hafen.summary()).isEqualTo("Teaser: der Hafen.");
      assertThat(requests.stream().filter(p -> p.equals("/robots.txt"))).hasSize(1);
    }
  }

  @Test
  void shouldStoreThePagesTextsOneCopyOfATrackingVariantTheGermanPageUnanalysedAndTheCopyLinked()
      throws Exception {
    CommandLine cli = Wirestream.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    Path data = dir.resolve("data");

    int exit =
        cli.execute(
            "demo",
            "--data-dir",
            data.toString(),
            "--timeout",
            "180",
            "-D",
            "ingest.fetch.allow.private=true",
            "-D",
            "ingest.fetch.host.delay.ms=0",
            "-D",
            "enrich.dedup.enabled=true",
            "--feed",
            url("/rss-with-copy"));

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(requests).doesNotContain("/private/memo");
    String source = "127.0.0.1";
    String harbourId = ArticleIds.fromUrl(source, url("/news/harbour"));
    String mirrorId = ArticleIds.fromUrl(source, url("/mirror/harbour"));
    String hafenId = ArticleIds.fromUrl(source, url("/de/hafen"));
    String bridgeId = ArticleIds.fromUrl(source, url("/news/bridge"));
    try (Connection db =
        DriverManager.getConnection("jdbc:sqlite:" + data.resolve("wirestream.db"))) {
      Map<String, Map<String, String>> rows = new HashMap<>();
      try (ResultSet r =
          db.createStatement()
              .executeQuery(
                  "SELECT id, source_id, body, summary, final_url, page_problem,"
                      + " detected_language, skipped_reason, duplicate_of,"
                      + " (SELECT COUNT(*) FROM entities e WHERE e.article_id = a.id) AS mentions"
                      + " FROM articles a")) {
        while (r.next()) {
          Map<String, String> row = new HashMap<>();
          for (String c :
              List.of(
                  "source_id",
                  "body",
                  "summary",
                  "final_url",
                  "page_problem",
                  "detected_language",
                  "skipped_reason",
                  "duplicate_of",
                  "mentions")) {
            row.put(c, r.getString(c));
          }
          rows.put(r.getString("id"), row);
        }
      }
      // Seven items with text; the tracking variant shares its story's id, so six rows.
      assertThat(rows).hasSize(6).containsKeys(harbourId, mirrorId, hafenId, bridgeId);
      assertThat(rows.get(bridgeId).get("final_url")).isEqualTo(url("/news/bridge"));
      assertThat(rows.get(bridgeId).get("body"))
          .startsWith("Engineers closed the old swing bridge");

      Map<String, String> hafen = rows.get(hafenId);
      assertThat(hafen.get("detected_language")).isEqualTo("de");
      assertThat(hafen.get("skipped_reason")).isEqualTo("language de is not supported");
      assertThat(hafen.get("mentions")).isEqualTo("0");

      Map<String, String> memo =
          rows.values().stream().filter(r -> "p-2".equals(r.get("source_id"))).findFirst().get();
      assertThat(memo.get("body")).isEqualTo("Teaser: a memo.");
      assertThat(memo.get("page_problem")).isEqualTo("robots.txt disallows");

      // The mirror holds the same body under another URL: one of the two names the other and is
      // not analysed again.
      Map<String, String> harbour = rows.get(harbourId);
      Map<String, String> mirror = rows.get(mirrorId);
      assertThat(harbour.get("body")).startsWith("The port authority of Kingsbridge");
      assertThat(List.of(harbour.get("duplicate_of") + "", mirror.get("duplicate_of") + ""))
          .containsExactlyInAnyOrder(
              "null", harbour.get("duplicate_of") == null ? harbourId : mirrorId);
      Map<String, String> copy = harbour.get("duplicate_of") == null ? mirror : harbour;
      Map<String, String> original = copy == mirror ? harbour : mirror;
      assertThat(copy.get("mentions")).isEqualTo("0");
      assertThat(original.get("mentions")).isNotEqualTo("0");
      assertThat(original.get("detected_language")).isEqualTo("en");
    }
  }
}
