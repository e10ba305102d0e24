package io.wirestream.cli.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.cli.TopicReader;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.kafka.offsets.GroupOffsets;
import io.wirestream.common.kafka.offsets.OffsetRanges;
import io.wirestream.common.kafka.offsets.PartitionRange;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --follow} and {@code replay --resume} on a real broker, judged by what is on
 * news.enriched for a reader of committed records: which articles are there at the new version, and
 * how many times.
 */
class ReplayFollowResumeIT {

  private static final String APPLICATION = "wirestream-enrich-v2";
  private static final String SMALL_POLLS = "-Dkafka.max.poll.records=5";

  // Commits every 50 ms, so that the first commit, which the test waits for, comes long before
  // the range is done (the default, 1 s, can outlast a 400-record range on a fast machine).
  private static final String FREQUENT_COMMITS = "-Denrich.commit.interval.ms=50";

  @TempDir Path dir;

  @Test
  void shouldStayOnAfterCatchingUpAndEnrichARecordProducedLaterAtTheNewVersion() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config = ReplayIT.config(broker, dir.resolve("streams"));
      RawTopic.create(config);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      RawTopic.produce(config, ReplayIT.articles("early", 10), now.minus(Duration.ofMinutes(5)));

      Cli replay = new Cli();
      Thread following =
          new Thread(() -> replay.execute(replayArgs(broker, "--follow")), "follow-it");
      following.start();
      awaitOrFail(
          () -> !following.isAlive() || replay.err.toString().contains("caught up"),
          Duration.ofMinutes(3),
          "the replay to catch up");
      assertThat(following.isAlive())
          .as("replay still running once caught up: %s", replay)
          .isTrue();
      assertThat(replay.out.toString()).contains("replayed 10 records into enrichment version 2");

      RawTopic.produce(config, List.of(RawTopic.article("late-0")), Instant.now());
      Map<String, List<Integer>> versions = versionsOnEnriched(config, 11);

      assertThat(versions).containsEntry("late-0", List.of(2)).hasSize(11);
      assertThat(versions.values()).allSatisfy(v -> assertThat(v).containsExactly(2));
      assertThat(following.isAlive()).as("replay still following news.raw").isTrue();

      following.interrupt();
      following.join(Duration.ofMinutes(1).toMillis());
      assertThat(following.isAlive()).as("replay stopped").isFalse();
    }
  }

  @Test
  void shouldContinueAnInterruptedReplayFromItsCommittedOffsetsWithoutRedoingOrSkippingRecords()
      throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config = ReplayIT.config(broker, dir.resolve("streams"));
      RawTopic.create(config);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      List<Article> range = ReplayIT.articles("range", 400);
      RawTopic.produce(config, ReplayIT.articles("before", 5), now.minus(Duration.ofMinutes(30)));
      RawTopic.produce(config, range, now.minus(Duration.ofMinutes(20)));
      RawTopic.produce(config, ReplayIT.articles("after", 5), now.minus(Duration.ofMinutes(10)));
      String from = now.minus(Duration.ofMinutes(25)).toString();
      String to = now.minus(Duration.ofMinutes(15)).toString();

      long doneAtInterruption;
      try (Admin admin = Admin.create(config.kafkaProperties())) {
        List<PartitionRange> ranges =
            OffsetRanges.plan(admin, "news.raw", Instant.parse(from), Instant.parse(to));
        // Small polls so that the stop lands inside the range: a stream thread finishes the records
        // it has polled before it stops.
        Cli first = new Cli();
        Thread replaying =
            new Thread(
                () ->
                    first.execute(
                        replayArgs(
                            broker, "--from", from, "--to", to, SMALL_POLLS, FREQUENT_COMMITS)),
                "resume-it-first");
        replaying.start();
        awaitOrFail(
            () -> !replaying.isAlive() || done(admin, ranges) > 0,
            Duration.ofMinutes(3),
            "the first commit of the replay");
        replaying.interrupt();
        replaying.join(Duration.ofMinutes(1).toMillis());
        assertThat(replaying.isAlive()).as("first run stopped").isFalse();
        doneAtInterruption = done(admin, ranges);
        assertThat(doneAtInterruption)
            .as("the first run stopped inside the range: %s", first)
            .isBetween(1L, 399L);
      }

      Cli refused = Cli.run(replayArgs(broker, "--from", from, "--to", to));
      assertThat(refused.exitCode).isNotZero();
      assertThat(refused.err.toString()).contains("already has committed offsets", "--resume");

      Cli resumed = Cli.run(replayArgs(broker, "--from", from, "--to", to, "--resume"));
      assertThat(resumed.exitCode).as(resumed.toString()).isZero();
      assertThat(resumed.out.toString()).contains("replayed 400 records into enrichment version 2");

      Map<String, List<Integer>> versions = versionsOnEnriched(config, 400);
      assertThat(versions)
          .as("each article of the range once, nothing before or after it")
          .hasSize(400)
          .containsOnlyKeys(range.stream().map(Article::id).toList());
      assertThat(versions.values()).allSatisfy(v -> assertThat(v).containsExactly(2));
    }
  }

  private String[] replayArgs(EmbeddedKafkaBroker broker, String... options) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "replay",
            "-b",
            broker.bootstrapServers(),
            "-D",
            "topic.partitions=2",
            "-D",
            "enrich.state.dir=" + dir.resolve("streams-replay")));
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  /** Records of the range the replay group has committed past. */
  private static long done(Admin admin, List<PartitionRange> ranges) {
    try {
      Map<TopicPartition, Long> committed = GroupOffsets.committed(admin, APPLICATION);
      return ranges.stream()
          .mapToLong(
              r ->
                  committed.containsKey(r.partition()) ? r.doneAt(committed.get(r.partition())) : 0)
          .sum();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The enrichment versions each article id has on news.enriched, in offset order. */
  static Map<String, List<Integer>> versionsOnEnriched(WirestreamConfig config, long expected) {
    Map<String, List<Integer>> versions = new TreeMap<>();
    for (ConsumerRecord<String, EnrichedArticle> record :
        TopicReader.readCommitted(
            config, new Topics(config).enriched(), expected, Duration.ofMinutes(2))) {
      versions
          .computeIfAbsent(record.key(), id -> new ArrayList<>())
          .add(record.value().enrichment().version());
    }
    return versions;
  }

  static void awaitOrFail(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
