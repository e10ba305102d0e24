package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestService;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.registry.FeedRegistry;
import io.wirestream.ingest.registry.RegisteredFeedSource;
import io.wirestream.ingest.source.Sources;
import io.wirestream.ingest.state.KafkaIngestState;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingest instances over 100 registered feeds: the consumer group divides them, each feed is
 * fetched by one instance per cycle, and when one stops the other takes its feeds over, without
 * publishing any item twice.
 */
class FeedSharingIT {

  private static final int FEEDS = 100;

  @TempDir Path dir;

  /** Requests per feed path, each with the User-Agent that made it. */
  private final Map<String, List<String>> requests = new ConcurrentHashMap<>();

  /** One instance: its service on a thread, its share of the registry, its state. */
  private record Instance(
      IngestService service, RegisteredFeedSource feeds, KafkaIngestState state, Thread thread)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      service.stop();
      thread.join(30_000);
      service.awaitDelivered(Duration.ofSeconds(30));
      service.close();
      state.close();
    }
  }

  private Instance start(Map<String, String> base, String name) {
    Map<String, String> settings = new HashMap<>(base);
    settings.put("ingest.fetch.user.agent", "Wirestream/test (" + name + ")");
    WirestreamConfig config = WirestreamConfig.load(null, Map.of(), settings);
    Topics topics = new Topics(config);
    KafkaIngestState state =
        KafkaIngestState.open(config, topics.ingestState(), Duration.ofSeconds(30));
    var sources =
        Sources.build(
            new Sources.Request(List.of(), List.of(), List.of(), null, true, true),
            config,
            "test",
            System.in,
            state);
    IngestStats stats = new IngestStats();
    IngestService service =
        new IngestService(
            sources,
            new ArticlePublisher(config, topics, stats, Clock.systemUTC()),
            stats,
            new PrintWriter(new StringWriter(), true),
            true,
            0);
    Thread thread =
        new Thread(
            () -> {
              try {
                service.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ingest-" + name);
    thread.start();
    return new Instance(service, (RegisteredFeedSource) sources.get(0), state, thread);
  }

  private static void await(String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }

  private Set<String> agentsSince(Map<String, Integer> mark, String path) {
    List<String> all = requests.getOrDefault(path, List.of());
    return new HashSet<>(all.subList(mark.getOrDefault(path, 0), all.size()));
  }

  private Map<String, Integer> counts() {
    Map<String, Integer> counts = new HashMap<>();
    requests.forEach((path, list) -> counts.put(path, list.size()));
    return counts;
  }

  @Test
  void shouldDivideRegisteredFeedsBetweenInstancesAndMoveThemWhenOneStops() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (!path.startsWith("/f/")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          requests
              .computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
              .add(exchange.getRequestHeaders().getFirst("User-Agent"));
          byte[] body =
              ("<rss version=\"2.0\"><channel><item><guid>"
                      + path
                      + "</guid><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>"
                      + "<description>Story of "
                      + path
                      + ".</description></item></channel></rss>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    List<URI> feeds =
        IntStream.range(0, FEEDS).mapToObj(i -> URI.create(base + "/f/" + i)).toList();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      Map<String, String> settings =
          Map.of(
              "bootstrap.servers", broker.bootstrapServers(),
              "ingest.fetch.allow.private", "true",
              "ingest.fetch.host.delay.ms", "0",
              // Long enough that no feed comes due twice while the slowest of the cycle is
              // awaited on a loaded machine; an unchanged feed's next interval is half as long
              // again.
              "ingest.feed.poll.interval.ms", "15000",
              "ingest.feed.min.interval.ms", "0",
              "ingest.progress.interval.ms", "0");
      WirestreamConfig config = WirestreamConfig.load(null, Map.of(), settings);
      Topics topics = new Topics(config);
      try (Admin admin = Admin.create(config.kafkaProperties())) {
        TopicAdmin.ensureTopics(admin, topics.specs());
      }
      new FeedRegistry(config, topics.feeds()).add(feeds, Clock.systemUTC());

      Instance a = start(settings, "a");
      Instance b = null;
      boolean aStopped = false;
      try {
        await("a has fetched every feed", () -> requests.size() == FEEDS);
        b = start(settings, "b");
        Instance second = b;
        await(
            "the group divides the feeds",
            () -> {
              Set<URI> ofA = a.feeds().assignedFeeds();
              Set<URI> ofB = second.feeds().assignedFeeds();
              return !ofB.isEmpty()
                  && !ofA.isEmpty()
                  && ofA.size() + ofB.size() == FEEDS
                  && ofA.stream().noneMatch(ofB::contains);
            });

        // One cycle from here: every feed fetched once, by the instance it belongs to.
        Map<String, Integer> cycle = counts();
        await(
            "every feed is fetched again",
            () -> requests.keySet().stream().allMatch(p -> agentsSince(cycle, p).size() >= 1));
        Map<String, Integer> after = counts();
        for (URI feed : feeds) {
          String path = feed.getPath();
          assertThat(after.get(path) - cycle.getOrDefault(path, 0))
              .as("fetches of %s in one cycle", path)
              .isEqualTo(1);
          String owner = a.feeds().assignedFeeds().contains(feed) ? "(a)" : "(b)";
          assertThat(agentsSince(cycle, path)).singleElement().asString().endsWith(owner);
        }

        Set<URI> ofA = Set.copyOf(a.feeds().assignedFeeds());
        a.close();
        aStopped = true;
        await("b takes over a's feeds", () -> second.feeds().assignedFeeds().size() == FEEDS);
        Map<String, Integer> takeover = counts();
        await(
            "b fetches a's feeds",
            () ->
                ofA.stream()
                    .allMatch(
                        f -> agentsSince(takeover, f.getPath()).contains("Wirestream/test (b)")));
      } finally {
        if (b != null) {
          b.close();
        }
        if (!aStopped) {
          a.close();
        }
      }
      List<ConsumerRecord<String, Article>> raw =
          TopicReader.readCommitted(config, topics.raw(), FEEDS, Duration.ofSeconds(30));
      assertThat(raw).hasSize(FEEDS);
      assertThat(raw).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
    } finally {
      server.stop(0);
    }
  }
}
