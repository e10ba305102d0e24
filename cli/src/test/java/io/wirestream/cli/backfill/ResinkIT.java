package io.wirestream.cli.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.cli.TestPostgres;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.enrich.EnrichService;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.sink.SinkService;
import io.wirestream.sink.store.ArticleStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wirestream resink} from a news.enriched that holds two versions of some articles: the
 * rebuilt PostgreSQL store equals the SQLite store the live sink wrote, and a second run changes
 * nothing.
 */
class ResinkIT {

  @TempDir Path dir;

  @Test
  void shouldRebuildInPostgresTheRowsTheLiveSinkWroteAndLeaveThemUnchangedOnASecondRun()
      throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        TestPostgres postgres = TestPostgres.createSchema()) {
      WirestreamConfig config = ReplayIT.config(broker, dir.resolve("streams"));
      RawTopic.create(config);
      Instant now = Instant.now();
      RawTopic.produce(config, ReplayIT.articles("old", 12), now.minus(Duration.ofMinutes(10)));
      RawTopic.produce(config, ReplayIT.articles("new", 8), now.minus(Duration.ofMinutes(5)));
      String live = "jdbc:sqlite:" + dir.resolve("live.db");
      try (EnrichService enrich = new EnrichService(config, NlpPipeline.from(config));
          SinkService sink = new SinkService(config, ArticleStore.open(live))) {
        enrich.start();
        new Thread(sink, "resink-it-sink").start();
        assertThat(sink.awaitProcessed(20, Duration.ofMinutes(2))).isTrue();
        Cli replay =
            Cli.run(
                "replay",
                "-b",
                broker.bootstrapServers(),
                "-D",
                "topic.partitions=2",
                "-D",
                "enrich.state.dir=" + dir.resolve("streams-replay"),
                "--from",
                now.minus(Duration.ofMinutes(7)).toString());
        assertThat(replay.exitCode).as(replay.toString()).isZero();
        assertThat(sink.awaitProcessed(28, Duration.ofMinutes(2))).isTrue();
      }
      assertThat(StoreQueries.versions(live).values()).containsOnly(1, 2);
      List<String> expected = StoreFingerprint.of(live);

      Cli first = Cli.run("resink", "-b", broker.bootstrapServers(), "--store", postgres.url());
      assertThat(first.exitCode).as(first.toString()).isZero();
      assertThat(first.out.toString()).contains("resink: 28 records read");
      assertThat(first.err.toString()).contains("resink [").contains("done");
      assertThat(StoreFingerprint.rows(postgres.url())).isEqualTo(StoreFingerprint.rows(live));
      assertThat(StoreFingerprint.of(postgres.url())).isEqualTo(expected);

      Cli again = Cli.run("resink", "-b", broker.bootstrapServers(), "--store", postgres.url());
      assertThat(again.exitCode).as(again.toString()).isZero();
      assertThat(StoreFingerprint.of(postgres.url())).isEqualTo(expected);

      String sqlite = "jdbc:sqlite:" + dir.resolve("rebuilt.db");
      Cli intoSqlite = Cli.run("resink", "-b", broker.bootstrapServers(), "--store", sqlite);
      assertThat(intoSqlite.exitCode).as(intoSqlite.toString()).isZero();
      assertThat(StoreFingerprint.of(sqlite)).isEqualTo(expected);
      System.out.println("resink output:\n" + first.out + first.err);
    }
  }
}
