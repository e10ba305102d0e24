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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wirestream replay --published-from/--published-to} over Reuters stories of February and
 * March 1987: only the stories of the date range reach the new version; the others are skipped by
 * the replay, not dead-lettered.
 */
class ReplayByPublicationDateIT {

  private static final LocalDate FIRST = LocalDate.parse("1987-03-01");
  private static final LocalDate LAST = LocalDate.parse("1987-03-01");

  @TempDir Path dir;

  @Test
  void shouldReenrichOnlyTheStoriesPublishedInTheRangeAndSkipTheRestWithoutDeadLetters()
      throws Exception {
    List<Article> stories = ReutersStories.first(300);
    List<Article> inRange =
        stories.stream()
            .filter(s -> !s.publicationDate().isBefore(FIRST) && !s.publicationDate().isAfter(LAST))
            .toList();
    assertThat(inRange).as("stories of the range").isNotEmpty().hasSizeLessThan(stories.size());
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config = ReplayIT.config(broker, dir.resolve("streams"));
      RawTopic.create(config);
      RawTopic.produce(config, stories, Instant.now());
      String store = "jdbc:sqlite:" + dir.resolve("store.db");
      try (EnrichService live = new EnrichService(config, NlpPipeline.from(config));
          SinkService sink = new SinkService(config, ArticleStore.open(store))) {
        live.start();
        new Thread(sink, "reuters-it-sink").start();
        assertThat(sink.awaitProcessed(stories.size(), Duration.ofMinutes(4)))
            .as("live run stored")
            .isTrue();
        long liveDeadLetters = sink.stats().deadLettered();
        long deadLettersBefore = TopicCount.records(config, "news.dlq");

        long started = System.nanoTime();
        Cli replay =
            Cli.run(
                "replay",
                "-b",
                broker.bootstrapServers(),
                "-D",
                "topic.partitions=2",
                "-D",
                "enrich.state.dir=" + dir.resolve("streams-replay"),
                "--published-from",
                FIRST.toString(),
                "--published-to",
                LAST.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(replay.exitCode).as(replay.toString()).isZero();
        System.out.printf(
            "replay of %d Reuters stories (%d in the date range) took %.1f s; progress:%n%s%n",
            stories.size(), inRange.size(), seconds, replay.err);
        assertThat(sink.awaitProcessed(stories.size() + inRange.size(), Duration.ofMinutes(2)))
            .as("replayed stories stored")
            .isTrue();
        assertThat(sink.stats().deadLettered()).isEqualTo(liveDeadLetters);
        assertThat(TopicCount.records(config, "news.dlq")).isEqualTo(deadLettersBefore);
      }
      Map<String, Integer> versions = StoreQueries.versions(store);
      assertThat(versions).hasSize(stories.size());
      for (Article story : stories) {
        assertThat(versions.get(story.id()))
            .as(story.id() + " published " + story.published())
            .isEqualTo(inRange.contains(story) ? 2 : 1);
      }
    }
  }
}
