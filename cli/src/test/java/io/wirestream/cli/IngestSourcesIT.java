package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.broker.EmbeddedKafkaBroker;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every kind of source in one {@code wirestream ingest --once}: files, RSS 2.0, RSS 1.0, Atom, JSON
 * Feed and a feed list, from servers on 127.0.0.1 into a real broker; what is no article ends on
 * news.dlq with where it came from.
 */
class IngestSourcesIT {

  private static final Map<String, String> FEEDS =
      Map.of(
          "/rss",
          """
          <rss version="2.0"><channel>
            <item><guid>r-1</guid><link>/stories/r1</link>
              <pubDate>2024-01-02 10:00:00</pubDate>
              <description>An RSS story.</description></item>
            <item><guid>r-2</guid><pubDate>last Tuesday</pubDate>
              <description>Undated.</description></item>
          </channel></rss>
          """,
          "/rdf",
          """
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                   xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="x"><title>T</title></channel>
            <item rdf:about="https://rdf.example/1"><title>R</title>
              <description>An RDF story.</description><dc:date>2024-01-02T10:00:00Z</dc:date></item>
          </rdf:RDF>
          """,
          "/atom",
          """
          <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
            <entry><id>a-1</id><updated>2024-01-02T10:00:00Z</updated>
              <content>An Atom story.</content></entry>
          </feed>
          """,
          "/json",
          """
          {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
            {"id":"j-1","content_text":"A JSON Feed story.","date_published":"2024-01-02T10:00:00Z"}]}
          """);

  @TempDir Path dir;

  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body = FEEDS.get(exchange.getRequestURI().getPath());
          byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
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

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldPublishEveryKindOfSourceAndDeadLetterWhatIsNoArticle() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("a.txt"), "date 2017-04-12 A story from a file.");
    Files.writeString(inbox.resolve("b.jsonl"), "{\"id\":\"f-2\",\"published\":\"2017-04-12\"}\n");
    Path list = dir.resolve("feeds.txt");
    Files.writeString(
        list,
        "# desks\n" + url("/rdf") + "\n" + url("/atom") + "\n" + url("/json") + "\nnowhere\n");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      CommandLine cli = Wirestream.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));

      int exit =
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
              url("/rss"),
              "--feeds",
              list.toString(),
              inbox.toString());

      assertThat(exit).as(err.toString()).isZero();
      assertThat(out.toString()).contains("feed fetches 4 (failed 0)");
      WirestreamConfig config =
          WirestreamConfig.load(
              null, Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers()));
      Topics topics = new Topics(config);
      List<ConsumerRecord<String, Article>> raw =
          TopicReader.readCommitted(config, topics.raw(), 5, Duration.ofSeconds(30));
      assertThat(raw)
          .extracting(r -> r.value().body())
          .containsExactlyInAnyOrder(
              "A story from a file.",
              "An RSS story.",
              "An RDF story.",
              "An Atom story.",
              "A JSON Feed story.");
      assertThat(raw)
          .filteredOn(r -> r.value().body().equals("An RSS story."))
          .singleElement()
          .satisfies(r -> assertThat(r.value().url()).isEqualTo(url("/stories/r1")));

      List<ConsumerRecord<String, byte[]>> letters =
          TopicReader.readCommitted(config, topics.deadLetter(), 3, Duration.ofSeconds(30));
      assertThat(letters)
          .allSatisfy(l -> assertThat(header(l, DeadLetterHeaders.STAGE)).isEqualTo("ingest"));
      assertThat(letters)
          .extracting(
              l ->
                  header(l, DeadLetterHeaders.SOURCE_FILE)
                      + " | "
                      + header(l, DeadLetterHeaders.SOURCE_LINE))
          .containsExactlyInAnyOrder(
              inbox.resolve("b.jsonl") + " | 1", url("/rss") + " | item 2", list + " | 5");
      assertThat(err.toString())
          .contains("rejected " + url("/rss") + "#item 2: unparseable date 'last Tuesday'")
          .contains("rejected " + list + ":5: not an absolute URL: nowhere");
    }
  }
}
