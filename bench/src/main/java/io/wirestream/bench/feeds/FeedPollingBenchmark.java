package io.wirestream.bench.feeds;

import com.sun.management.OperatingSystemMXBean;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.feed.FeedParser;
import io.wirestream.ingest.feed.FeedPoller;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Polls every feed of a {@link FeedFarm} through the whole feed path (safe fetcher, per-host
 * politeness with no pause, robots.txt, parser, schedule, publishing to the farm's broker and
 * waiting for its acknowledgements), twice: the first cycle fetches and publishes everything, the
 * second gets 304s. Prints the time of each cycle, requests per second, the peak heap and the CPU
 * time of this process.
 *
 * <p>Usage: {@code FeedPollingBenchmark HOSTS FEEDS PORT BOOTSTRAP [key=value...]}, the extra
 * arguments being Wirestream settings.
 */
public final class FeedPollingBenchmark {

  private FeedPollingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int hosts = Integer.parseInt(args[0]);
    int feeds = Integer.parseInt(args[1]);
    int port = Integer.parseInt(args[2]);
    Map<String, String> settings = new HashMap<>();
    settings.put(WirestreamConfig.BOOTSTRAP_SERVERS, args[3]);
    settings.put(WirestreamConfig.INGEST_FETCH_ALLOW_PRIVATE, "true");
    settings.put(WirestreamConfig.INGEST_FETCH_HOST_DELAY_MS, "0");
    settings.put(WirestreamConfig.INGEST_FEED_FETCH_THREADS, "16");
    // The farm measures feed polling; its items link to example.org, which is not to be asked.
    settings.put(WirestreamConfig.INGEST_FETCH_PAGES, "false");
    // One log line per feed fetch would be measured along with the poller.
    settings.put(WirestreamConfig.LOG_LEVEL, "warn");
    for (int i = 4; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      settings.put(kv[0], kv[1]);
    }
    WirestreamConfig config = WirestreamConfig.load(null, Map.of(), settings);
    io.wirestream.cli.logging.Logging.configure(config);
    Topics topics = new Topics(config);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }
    List<URI> uris = new ArrayList<>();
    for (int f = 0; f < feeds; f++) {
      uris.add(URI.create("http://" + FeedFarm.hostAddress(f % hosts) + ":" + port + "/feed/" + f));
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    IngestStats stats = new IngestStats();
    System.out.printf(
        "%d feeds of %d items on %d hosts, %s fetch threads, host delay %s ms%n",
        feeds,
        FeedFarm.ITEMS,
        hosts,
        config.getInt(WirestreamConfig.INGEST_FEED_FETCH_THREADS),
        config.getLong(WirestreamConfig.INGEST_FETCH_HOST_DELAY_MS));
    resetPeaks();
    long cpuStart = os.getProcessCpuTime();
    try (ArticlePublisher publisher =
            new ArticlePublisher(config, topics, stats, Clock.systemUTC());
        FeedPoller poller = FeedPoller.create(uris, new FeedParser(null), config, "bench")) {
      for (int cycle = 1; cycle <= 2; cycle++) {
        long start = System.nanoTime();
        List<FeedPoller.Outcome> outcomes = poller.pollAll(publisher, stats, r -> {});
        long fetched = System.nanoTime();
        if (!publisher.awaitIdle(Duration.ofMinutes(5))) {
          throw new IllegalStateException("broker did not acknowledge within 5 minutes");
        }
        long acknowledged = System.nanoTime();
        Map<FeedPoller.Status, Integer> byStatus = new EnumMap<>(FeedPoller.Status.class);
        outcomes.forEach(o -> byStatus.merge(o.status(), 1, Integer::sum));
        double fetchSeconds = (fetched - start) / 1e9;
        // One request per feed, plus robots.txt of each host on the first cycle.
        long requests = outcomes.size() + (cycle == 1 ? hosts : 0);
        System.out.printf(
            "cycle %d: %s; fetched in %.2f s (%.0f requests/s), all acknowledged after %.2f s;"
                + " published so far %d%n",
            cycle,
            byStatus,
            fetchSeconds,
            requests / fetchSeconds,
            (acknowledged - start) / 1e9,
            stats.published());
      }
      // What the poller keeps (schedules, validators, item marks of 10,000 feeds) once the
      // garbage of the cycles is gone: the live set the heap must hold.
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      System.out.printf(
          "live heap after a full GC, poller still open: %.1f MB%n",
          (runtime.totalMemory() - runtime.freeMemory()) / 1e6);
    }
    long cpu = os.getProcessCpuTime() - cpuStart;
    System.out.printf(
        "peak heap %.1f MB (max %d MB), CPU time %.2f s%n",
        peakHeapBytes() / 1e6, Runtime.getRuntime().maxMemory() >> 20, cpu / 1e9);
    System.exit(0);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
