package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.serde.Json;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations endpoints of ingest, enrich and sink, each in its own JVM as in production, on a
 * real broker: what /metrics says is what went through, and /health/ready says 503 until enrich's
 * Kafka Streams is RUNNING and again once the sink's store cannot be reached.
 */
class OpsEndpointIT {

  private static final int ARTICLES = 5;
  private static final Duration TIMEOUT = Duration.ofSeconds(180);

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A feed with no items next to the inbox: a fetch to count, no article to change the counts. */
  private HttpServer feeds;

  @BeforeEach
  void serveAnEmptyFeed() throws Exception {
    feeds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    feeds.createContext(
        "/",
        exchange -> {
          byte[] body =
              (exchange.getRequestURI().getPath().equals("/robots.txt")
                      ? "User-agent: *\nDisallow:\n"
                      : "<rss version=\"2.0\"><channel><title>Wire</title></channel></rss>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    feeds.start();
  }

  @AfterEach
  void stopTheFeed() {
    feeds.stop(0);
  }

  @Test
  void shouldCountWhatWentThroughAndBeReadyOnlyWhileStreamsRunsAndTheStoreAnswers()
      throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Path storeDir = Files.createDirectories(dir.resolve("store"));
    try (ServiceProcesses services = new ServiceProcesses(dir);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      WirestreamConfig config =
          WirestreamConfig.load(
              null, Map.of(), Map.of("bootstrap.servers", bootstrap, "topic.partitions", "1"));
      try (Admin admin = Admin.create(config.kafkaProperties())) {
        TopicAdmin.ensureTopics(admin, new Topics(config).specs());
      }

      services.start(
          bootstrap,
          List.of("enrich", "-D", "enrich.state.dir=" + dir.resolve("streams")),
          "enrich");
      services.await(() -> services.opsPort("enrich").isPresent(), TIMEOUT);
      int enrich = services.opsPort("enrich").getAsInt();
      List<Integer> readiness = new ArrayList<>();
      JsonNode firstNotReady = null;
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        HttpResponse<String> ready = get(enrich, "/health/ready");
        readiness.add(ready.statusCode());
        if (ready.statusCode() == 503 && firstNotReady == null) {
          firstNotReady = Json.MAPPER.readTree(ready.body());
        }
        if (ready.statusCode() == 200) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(readiness).startsWith(503).endsWith(200).containsOnly(503, 200);
      assertThat(firstNotReady.path("status").asText()).isEqualTo("not ready");
      assertThat(firstNotReady.path("problems").size()).isPositive();
      assertThat(services.logContains("enrich", "enrich REBALANCING -> RUNNING")).isTrue();
      assertThat(get(enrich, "/health/live").statusCode()).isEqualTo(200);

      String store = "jdbc:sqlite:" + storeDir.resolve("wirestream.db");
      services.start(bootstrap, List.of("sink", "--store", store), "sink");
      services.await(() -> services.opsPort("sink").isPresent(), TIMEOUT);
      int sink = services.opsPort("sink").getAsInt();
      awaitStatus(sink, 200);

      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < ARTICLES; i++) {
        lines.append(
            "{\"id\":\"ops-"
                + i
                + "\",\"source\":\"test\",\"published\":\"2019-05-15\",\"title\":\"t\",\"body\":"
                + "\"Angela Merkel met Emmanuel Macron in Paris on Monday.\"}\n");
      }
      lines.append("{\"id\":\"bad\",\"body\":\"no date\",\"published\":\"2019-02-30\"}\n");
      Files.writeString(inbox.resolve("articles.jsonl"), lines, StandardCharsets.UTF_8);
      String feed = "http://127.0.0.1:" + feeds.getAddress().getPort() + "/rss";
      services.start(
          bootstrap,
          List.of(
              "ingest",
              "--follow",
              "--feed",
              feed,
              "-D",
              "ingest.fetch.allow.private=true",
              "-D",
              "ingest.fetch.host.delay.ms=0",
              inbox.toString()),
          "ingest");
      services.await(() -> services.opsPort("ingest").isPresent(), TIMEOUT);
      int ingest = services.opsPort("ingest").getAsInt();
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              config.kafkaProperties(), new StringSerializer(), new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>("news.raw", "broken", "{\"id\": 1,".getBytes())).get();
      }

      services.await(
          () -> metric(sink, "wirestream_articles_out_total", "stage=\"sink\"") == ARTICLES,
          TIMEOUT);
      services.await(
          () -> metric(enrich, "wirestream_articles_dead_lettered_total", "reason=\"parse\"") == 1,
          TIMEOUT);

      services.await(
          () -> metric(ingest, "wirestream_feed_fetches_total", "status=\"fetched\"") >= 1,
          TIMEOUT);
      String ingestMetrics = scrape(ingest);
      assertThat(value(ingestMetrics, "wirestream_articles_out_total", "stage=\"ingest\""))
          .isEqualTo(ARTICLES);
      assertThat(
              value(
                  ingestMetrics,
                  "wirestream_articles_rejected_total",
                  "reason=\"date\"",
                  "stage=\"ingest\""))
          .isEqualTo(1);
      assertThat(value(ingestMetrics, "wirestream_articles_rejected_total", "reason=\"malformed\""))
          .isZero();
      assertThat(
              value(
                  ingestMetrics,
                  "kafka_producer_record_send_total",
                  "client_id=\"wirestream-ingest\""))
          .isGreaterThanOrEqualTo(ARTICLES);

      String enrichMetrics = scrape(enrich);
      assertThat(value(enrichMetrics, "wirestream_articles_in_total", "stage=\"enrich\""))
          .isEqualTo(ARTICLES + 1);
      assertThat(value(enrichMetrics, "wirestream_articles_out_total", "stage=\"enrich\""))
          .isEqualTo(ARTICLES);
      assertThat(
              value(
                  enrichMetrics,
                  "wirestream_articles_dead_lettered_total",
                  "reason=\"enrich\"",
                  "stage=\"enrich\""))
          .isZero();
      assertThat(value(enrichMetrics, "wirestream_enrich_latency_seconds_count"))
          .isEqualTo(ARTICLES);
      // "Angela Merkel met Emmanuel Macron in Paris on Monday ." is 10 tokens.
      assertThat(value(enrichMetrics, "wirestream_enrich_tokens_total")).isEqualTo(10 * ARTICLES);
      assertThat(value(enrichMetrics, "kafka_stream_alive_stream_threads")).isEqualTo(1);
      assertThat(value(enrichMetrics, "jvm_threads_live_threads")).isPositive();

      String sinkMetrics = scrape(sink);
      assertThat(value(sinkMetrics, "wirestream_articles_in_total", "stage=\"sink\""))
          .isEqualTo(ARTICLES);
      assertThat(value(sinkMetrics, "wirestream_sink_batch_size_records_sum")).isEqualTo(ARTICLES);
      assertThat(value(sinkMetrics, "wirestream_sink_batch_latency_seconds_count"))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(sinkMetrics, "wirestream_sink_retries_total")).isZero();
      assertThat(value(sinkMetrics, "wirestream_sink_stale_total")).isZero();
      assertThat(
              value(
                  sinkMetrics,
                  "kafka_consumer_fetch_manager_records_consumed_total",
                  "client_id=\"wirestream-sink\""))
          .isGreaterThanOrEqualTo(ARTICLES);
      services.await(() -> metric(sink, "wirestream_consumer_lag", "stage=\"sink\"") == 0, TIMEOUT);

      deleteRecursively(storeDir);
      HttpResponse<String> gone = awaitStatus(sink, 503);
      assertThat(Json.MAPPER.readTree(gone.body()).path("problems").path("store").asText())
          .startsWith("store unreachable");
      assertThat(get(sink, "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(enrich, "/health/ready").statusCode()).isEqualTo(200);
    }
  }

  private HttpResponse<String> get(int port, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("GET " + path + " on port " + port + " failed: " + e, e);
    }
  }

  private HttpResponse<String> awaitStatus(int port, int status) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    HttpResponse<String> response;
    do {
      response = get(port, "/health/ready");
      if (response.statusCode() == status) {
        return response;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("ready never answered " + status + "; last: " + response.body());
  }

  private String scrape(int port) {
    HttpResponse<String> response = get(port, "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private double metric(int port, String name, String... labels) {
    return value(scrape(port), name, labels);
  }

  /**
   * The largest value of the series named {@code name} that carry all {@code labels}; NaN if none.
   */
  static double value(String scrape, String name, String... labels) {
    double found = Double.NaN;
    for (String line : scrape.split("\n")) {
      if (!(line.startsWith(name + "{") || line.startsWith(name + " "))) {
        continue;
      }
      int end = line.lastIndexOf(' ');
      String series = line.substring(0, end);
      if (Stream.of(labels).allMatch(series::contains)) {
        double value = Double.parseDouble(line.substring(end + 1));
        found = Double.isNaN(found) ? value : Math.max(found, value);
      }
    }
    return found;
  }

  private static void deleteRecursively(Path path) throws Exception {
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
