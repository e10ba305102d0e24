package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.topic.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code wirestream ingest --once --feed http://...} through the fetch layer, into a real broker.
 */
class IngestFeedFetchIT {

  private static final String RSS =
      """
      <rss version="2.0"><channel><title>Wire</title><ttl>30</ttl>
        <item><guid>h-1</guid><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>
          <description>Rex Tillerson met Sergei Lavrov.</description></item>
        <item><guid>h-2</guid><pubDate>Wed, 12 Apr 2017 11:15:00 GMT</pubDate>
          <description>Talks went on in Moscow.</description></item>
      </channel></rss>
      """;

  @TempDir Path dir;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> agents = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI().getPath());
          agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
          String path = exchange.getRequestURI().getPath();
          byte[] body =
              path.equals("/robots.txt")
                  ? "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.UTF_8)
                  : RSS.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
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

  private int ingest(
      EmbeddedKafkaBroker broker, StringWriter out, StringWriter err, String... rest) {
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] args = new String[rest.length + 4];
    args[0] = "ingest";
    args[1] = "-b";
    args[2] = broker.bootstrapServers();
    args[3] = "--once";
    System.arraycopy(rest, 0, args, 4, rest.length);
    return cli.execute(args);
  }

  @Test
  void shouldFetchAFeedPolitelyAndRefuseWhatRobotsTxtOrTheAddressPolicyForbids() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int exit =
          ingest(
              broker,
              out,
              err,
              "-D",
              "ingest.fetch.allow.private=true",
              "-D",
              "ingest.fetch.host.delay.ms=0",
              "--feed",
              url("/rss"),
              "--feed",
              url("/private/rss"));

      // The disallowed feed counts as a failed fetch: exit 1, the allowed one published.
      assertThat(exit).as(err.toString()).isEqualTo(1);
      assertThat(out.toString()).contains("feed fetches 2 (failed 1)");
      assertThat(requests).containsExactly("/robots.txt", "/rss");
      assertThat(agents).allSatisfy(a -> assertThat(a).startsWith("Wirestream/"));
      WirestreamConfig config =
          WirestreamConfig.load(
              null, Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers()));
      List<ConsumerRecord<String, Article>> records =
          TopicReader.readCommitted(config, new Topics(config).raw(), 2, Duration.ofSeconds(30));
      assertThat(records)
          .extracting(r -> r.value().body())
          .containsExactlyInAnyOrder(
              "Rex Tillerson met Sergei Lavrov.", "Talks went on in Moscow.");

      requests.clear();
      StringWriter refusedErr = new StringWriter();
      int refused = ingest(broker, new StringWriter(), refusedErr, "--feed", url("/rss"));

      assertThat(refused).isEqualTo(1);
      assertThat(requests).isEmpty();
    }
  }
}
