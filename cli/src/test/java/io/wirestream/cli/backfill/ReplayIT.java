package io.wirestream.cli.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.enrich.EnrichService;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.sink.SinkService;
import io.wirestream.sink.store.ArticleStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wirestream replay} by ingest time, next to a live enrich and sink: the range is
 * re-enriched into the new version and nothing else, and readers of the store see each article once
 * throughout.
 */
class ReplayIT {

  @TempDir Path dir;

  @Test
  void shouldReenrichExactlyTheArticlesIngestedAfterFromWhileTheStoreKeepsEachArticleOnce()
      throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config = config(broker, dir.resolve("streams"));
      RawTopic.create(config);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      List<Article> early = articles("early", 20);
      List<Article> late = articles("late", 20);
      RawTopic.produce(config, early, now.minus(Duration.ofMinutes(10)));
      RawTopic.produce(config, late, now.minus(Duration.ofMinutes(5)));
      String store = "jdbc:sqlite:" + dir.resolve("store.db");

      try (EnrichService live = new EnrichService(config, NlpPipeline.from(config));
          SinkService sink = new SinkService(config, ArticleStore.open(store))) {
        live.start();
        Thread sinking = new Thread(sink, "replay-it-sink");
        sinking.start();
        assertThat(sink.awaitProcessed(40, Duration.ofMinutes(2))).as("live run stored").isTrue();
        assertThat(StoreQueries.versions(store).values()).hasSize(40).containsOnly(1);

        AtomicReference<Cli> replay = new AtomicReference<>();
        Thread replaying =
            new Thread(
                () ->
                    replay.set(
                        Cli.run(
                            "replay",
                            "-b",
                            broker.bootstrapServers(),
                            "-D",
                            "topic.partitions=2",
                            "-D",
                            "enrich.state.dir=" + dir.resolve("streams-replay"),
                            "--from",
                            now.minus(Duration.ofMinutes(7)).toString())),
                "replay-it-replay");
        replaying.start();
        int checks = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        // The sink rewrites the late articles after the replay has put them on news.enriched, so
        // the store is checked until it has processed them too.
        while ((replaying.isAlive() || sink.stats().processed() < 60)
            && System.nanoTime() < deadline) {
          assertEachArticleOnce(store, 40);
          checks++;
          Thread.sleep(200);
        }
        replaying.join();
        assertThat(replay.get().exitCode).as(replay.get().toString()).isZero();
        assertThat(replay.get().out.toString())
            .contains("replayed 20 records into enrichment version 2");
        assertThat(replay.get().err.toString()).contains("replay v2 [").contains("20/20");
        assertThat(checks).as("store checks during the replay").isGreaterThanOrEqualTo(3);
        assertEachArticleOnce(store, 40);

        Cli status = Cli.run("status", "-b", broker.bootstrapServers(), "--interval", "0.5");
        assertThat(status.out.toString())
            .as(status.toString())
            .containsPattern(
                "wirestream-enrich +enrich +Stable +1 +news.raw +0 .* 1 \\(newest non-replay")
            .containsPattern(
                "wirestream-enrich-v2 +enrich +Empty +0 +news.raw +0 .* 2 \\(application id\\)");
      }

      Map<String, Integer> versions = StoreQueries.versions(store);
      early.forEach(article -> assertThat(versions).containsEntry(article.id(), 1));
      late.forEach(article -> assertThat(versions).containsEntry(article.id(), 2));
    }
  }

  @Test
  void shouldCountWhatTheIngestTimeRangeHoldsPerPartitionOnDryRun() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config = config(broker, dir.resolve("streams"));
      RawTopic.create(config);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      RawTopic.produce(config, articles("a", 7), now.minus(Duration.ofMinutes(30)));
      RawTopic.produce(config, articles("b", 11), now.minus(Duration.ofMinutes(20)));
      RawTopic.produce(config, articles("c", 5), now.minus(Duration.ofMinutes(10)));

      Cli middle =
          Cli.run(
              "replay",
              "-b",
              broker.bootstrapServers(),
              "-D",
              "topic.partitions=2",
              "--from",
              now.minus(Duration.ofMinutes(25)).toString(),
              "--to",
              now.minus(Duration.ofMinutes(15)).toString(),
              "--dry-run");
      Cli all = Cli.run("replay", "-b", broker.bootstrapServers(), "--dry-run");

      assertThat(middle.exitCode).as(middle.toString()).isZero();
      assertThat(middle.out.toString())
          .contains("total: 11 records in 2 partitions of news.raw")
          .contains("news.raw-0")
          .contains("news.raw-1");
      assertThat(all.out.toString()).contains("total: 23 records in 2 partitions");
    }
  }

  static WirestreamConfig config(EmbeddedKafkaBroker broker, Path stateDir) {
    return WirestreamConfig.load(
        null,
        Map.of(),
        Map.of(
            "bootstrap.servers", broker.bootstrapServers(),
            "enrich.state.dir", stateDir.toString(),
            "topic.partitions", "2"));
  }

  static List<Article> articles(String prefix, int count) {
    List<Article> articles = new ArrayList<>();
    IntStream.range(0, count).forEach(i -> articles.add(RawTopic.article(prefix + "-" + i)));
    return articles;
  }

  /** One row per article, and no child row twice: what a reader sees at any moment. */
  static void assertEachArticleOnce(String store, long articles) throws Exception {
    assertThat(StoreQueries.count(store, "SELECT count(*) FROM articles")).isEqualTo(articles);
    assertThat(StoreQueries.count(store, "SELECT count(DISTINCT id) FROM articles"))
        .isEqualTo(articles);
    assertThat(
            StoreQueries.count(
                store,
                "SELECT count(*) FROM (SELECT article_id, ordinal FROM entities"
                    + " GROUP BY article_id, ordinal HAVING count(*) > 1) twice"))
        .isZero();
    assertThat(
            StoreQueries.count(
                store,
                "SELECT count(*) FROM articles a WHERE NOT EXISTS"
                    + " (SELECT 1 FROM entities e WHERE e.article_id = a.id)"))
        .as("articles without their entities")
        .isZero();
  }
}
