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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A restarted ingest continues where the last one stopped, from the state on news.ingest.state:
 * news.raw holds each file article and feed item once.
 */
class IngestRestartIT {

  @TempDir Path dir;

  private HttpServer server;
  private volatile String rss;
  private final List<String> conditional = new CopyOnWriteArrayList<>();

  private static String item(String guid, String body) {
    return "<item><guid>"
        + guid
        + "</guid><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate><description>"
        + body
        + "</description></item>";
  }

  private static String feed(String... items) {
    return "<rss version=\"2.0\"><channel>" + String.join("", items) + "</channel></rss>";
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          byte[] body = rss.getBytes(StandardCharsets.UTF_8);
          String etag = "\"" + Integer.toHexString(rss.hashCode()) + "\"";
          if (path.equals("/etag")) {
            String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (asked != null) {
              conditional.add(asked);
            }
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(asked)) {
              exchange.sendResponseHeaders(304, -1);
              exchange.close();
              return;
            }
          } else if (!path.equals("/plain")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
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

  private int ingestOnce(EmbeddedKafkaBroker broker, String... rest) {
    CommandLine cli = Wirestream.commandLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    String[] args = new String[rest.length + 8];
    String[] head = {
      "ingest",
      "-b",
      broker.bootstrapServers(),
      "--once",
      "-D",
      "ingest.fetch.allow.private=true",
      "-D",
      "ingest.fetch.host.delay.ms=0"
    };
    System.arraycopy(head, 0, args, 0, head.length);
    System.arraycopy(rest, 0, args, head.length, rest.length);
    return cli.execute(args);
  }

  private static int rawCount(EmbeddedKafkaBroker broker, int expected) {
    try {
      return rawBodies(broker, expected).size();
    } catch (IllegalStateException e) {
      return 0; // the topic is not there yet
    }
  }

  private static List<String> rawBodies(EmbeddedKafkaBroker broker, int expected) {
    WirestreamConfig config =
        WirestreamConfig.load(
            null, Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers()));
    List<ConsumerRecord<String, Article>> records =
        TopicReader.readCommitted(
            config, new Topics(config).raw(), expected, Duration.ofSeconds(20));
    return records.stream().map(r -> r.value().body()).toList();
  }

  @Test
  void shouldPublishFilesAndFeedItemsOnceOverRestarts() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("a.txt"), "date 2017-04-12 File A.");
    Files.writeString(inbox.resolve("b.txt"), "date 2017-04-12 File B.");
    rss = feed(item("g-1", "Item one."), item("g-2", "Item two."));
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      String[] sources = {"--feed", url("/plain"), "--feed", url("/etag"), inbox.toString()};

      assertThat(ingestOnce(broker, sources)).isZero();
      assertThat(rawBodies(broker, 6)).hasSize(6);

      // Touched but unchanged, one new file, one new item: only the new ones are published.
      Files.setLastModifiedTime(
          inbox.resolve("a.txt"), FileTime.from(Instant.now().plusSeconds(60)));
      Files.writeString(inbox.resolve("c.txt"), "date 2017-04-12 File C.");
      rss = feed(item("g-1", "Item one."), item("g-2", "Item two."), item("g-3", "Item three."));
      assertThat(ingestOnce(broker, sources)).isZero();

      // Nothing changed: the ETag feed answers 304, the plain one is hashed and skipped.
      assertThat(ingestOnce(broker, sources)).isZero();

      assertThat(rawBodies(broker, 9))
          .containsExactlyInAnyOrder(
              "File A.",
              "File B.",
              "File C.",
              "Item one.",
              "Item two.",
              "Item three.",
              "Item one.",
              "Item two.",
              "Item three.");
      assertThat(conditional).as("the restarted ingest sent back the ETag").hasSize(2);
    }
  }

  @Test
  void shouldContinueAfterAFollowingIngestIsStoppedMidRun() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(inbox.resolve("f" + i + ".txt"), "date 2017-04-12 Story " + i + ".");
    }
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        ServiceProcesses services = new ServiceProcesses(dir)) {
      List<String> args =
          List.of("ingest", "--follow", "-D", "ingest.poll.interval.ms=200", inbox.toString());
      Process first = services.start(broker.bootstrapServers(), args, "first");
      services.await(() -> rawCount(broker, 5) == 5, Duration.ofSeconds(60));
      Files.writeString(inbox.resolve("f5.txt"), "date 2017-04-12 Story 5.");
      first.destroy();
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
      Files.writeString(inbox.resolve("f6.txt"), "date 2017-04-12 Story 6.");

      Process second = services.start(broker.bootstrapServers(), args, "second");
      services.await(() -> rawCount(broker, 7) >= 7, Duration.ofSeconds(60));
      second.destroy();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(rawBodies(broker, 8))
          .containsExactlyInAnyOrder(
              "Story 0.", "Story 1.", "Story 2.", "Story 3.", "Story 4.", "Story 5.", "Story 6.");
    }
  }
}
