package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest killed with SIGKILL in the middle of its work and started again: news.raw holds each
 * article once. Ingest runs in a JVM of its own, as in production; the pages it fetches come from a
 * loopback server, slowly enough (the politeness delay) that the kill lands mid-file.
 */
class IngestKillIT {

  private static final int RECORDS = 240;

  @TempDir Path dir;

  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          byte[] body;
          String type = "text/html; charset=utf-8";
          if (path.equals("/feed")) {
            body = feed().getBytes(StandardCharsets.UTF_8);
            type = "application/rss+xml";
          } else if (path.startsWith("/news/")) {
            body = page(path.substring("/news/".length())).getBytes(StandardCharsets.UTF_8);
          } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          exchange.getResponseHeaders().add("Content-Type", type);
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

  private static String page(String n) {
    return "<!doctype html><html lang=\"en\"><head><title>Harbour report "
        + n
        + "</title><meta property=\"article:published_time\" content=\"2026-11-30T09:15:00Z\">"
        + "<link rel=\"canonical\" href=\"/news/"
        + n
        + "\"></head><body><article><h1>Harbour report "
        + n
        + "</h1><p>The harbour of Esbjerg reopened on Monday after three days in which the storm"
        + " kept every ferry and fishing boat in port, the port authority said in report "
        + n
        + ".</p><p>Engineers from the Danish Maritime Authority inspected the breakwater on"
        + " Sunday and found only minor damage to the northern pier.</p></article></body></html>";
  }

  private String feed() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      items
          .append("<item><guid>f-")
          .append(i)
          .append("</guid><link>")
          .append(url("/news/f" + i))
          .append("</link><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>")
          .append("<description>Item ")
          .append(i)
          .append(".</description></item>");
    }
    return "<rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>";
  }

  private List<String> ingest(String bootstrap, String... sources) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ingest",
                "--once",
                "-D",
                "ingest.fetch.allow.private=true",
                "-D",
                "ingest.files.fetch.pages=true",
                "-D",
                "ingest.fetch.host.delay.ms=25",
                "-D",
                "ingest.commit.interval.ms=200"));
    args.addAll(List.of(sources));
    return args;
  }

  private static WirestreamConfig config(EmbeddedKafkaBroker broker) {
    return WirestreamConfig.load(
        null, Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers()));
  }

  /** Committed records of news.raw, per key. */
  private static Map<String, Long> rawKeys(WirestreamConfig config) {
    Properties props = config.kafkaProperties();
    props.put("isolation.level", "read_committed");
    String topic = new Topics(config).raw().name();
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    } catch (RuntimeException e) {
      return Map.of(); // the topic is not there yet
    }
    return records.stream()
        .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
  }

  private static String log(ServiceProcesses services, String name) {
    try {
      return Files.readString(services.log(name));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static long total(Map<String, Long> keys) {
    return keys.values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void shouldHoldEachArticleOnceAfterAnIngestKilledInTheMiddleOfAFileIsStartedAgain()
      throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < RECORDS; i++) {
      lines.append("{\"id\":\"p-").append(i).append("\",\"url\":\"");
      lines.append(url("/news/p" + i)).append("\"}\n");
    }
    Path file = Files.writeString(dir.resolve("urls.jsonl"), lines.toString());
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        ServiceProcesses services = new ServiceProcesses(dir)) {
      WirestreamConfig config = config(broker);
      String bootstrap = broker.bootstrapServers();

      Process first = services.start(bootstrap, ingest(bootstrap, file.toString()), "ingest-1");
      services.await(() -> total(rawKeys(config)) >= 40, Duration.ofSeconds(120));
      assertThat(first.isAlive())
          .as("the first ingest is still reading when it is killed:\n%s", log(services, "ingest-1"))
          .isTrue();
      first.destroyForcibly().waitFor();
      long beforeRestart = total(rawKeys(config));
      assertThat(beforeRestart).isBetween(40L, (long) RECORDS - 1);

      Process second = services.start(bootstrap, ingest(bootstrap, file.toString()), "ingest-2");
      assertThat(second.waitFor()).as(Files.readString(services.log("ingest-2"))).isZero();

      Map<String, Long> keys = rawKeys(config);
      System.out.println(
          "killed after "
              + beforeRestart
              + " of "
              + RECORDS
              + " articles were committed; after the restart news.raw holds "
              + total(keys));
      assertThat(services.logContains("ingest-2", "resuming after the")).isTrue();
      assertThat(keys).hasSize(RECORDS);
      assertThat(keys.values()).allMatch(count -> count == 1L);
    }
  }

  @Test
  void shouldNotPublishAFeedsItemsAgainAfterAnIngestKilledAsTheyBecameVisible() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        ServiceProcesses services = new ServiceProcesses(dir)) {
      WirestreamConfig config = config(broker);
      String bootstrap = broker.bootstrapServers();
      List<String> args = new ArrayList<>(ingest(bootstrap, "--feed", url("/feed")));
      args.remove("--once");
      args.add("--follow");
      // A following and a one-off ingest are different commands: the same name makes them one
      // instance, whose restart aborts what the killed one left open.
      args.addAll(List.of("-D", "ingest.instance.id=feed-reader"));

      Process first = services.start(bootstrap, args, "ingest-1");
      // Killed the moment the items are readable: their marks must be committed with them.
      services.await(() -> total(rawKeys(config)) >= 60, Duration.ofSeconds(120));
      first.destroyForcibly().waitFor();

      List<String> again = new ArrayList<>(ingest(bootstrap, "--feed", url("/feed")));
      again.addAll(List.of("-D", "ingest.instance.id=feed-reader"));
      Process second = services.start(bootstrap, again, "ingest-2");
      assertThat(second.waitFor()).as(Files.readString(services.log("ingest-2"))).isZero();

      Map<String, Long> keys = rawKeys(config);
      assertThat(keys).hasSize(60);
      assertThat(keys.values()).allMatch(count -> count == 1L);
      assertThat(Files.readString(services.log("ingest-2"))).doesNotContain("new items published");
    }
  }
}
