package io.wirestream.cli.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.serde.Json;
import io.wirestream.enrich.EnrichService;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.sink.SinkService;
import io.wirestream.sink.store.ArticleStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wirestream status} on a cluster with an enrich that stopped and a sink that runs. */
class StatusIT {

  @TempDir Path dir;

  @Test
  void shouldShowTheEnrichLaggingByTheArticlesProducedSinceItStoppedAndTheRunningSink()
      throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      WirestreamConfig config = ReplayIT.config(broker, dir.resolve("streams"));
      RawTopic.create(config);
      RawTopic.produce(config, ReplayIT.articles("first", 10), Instant.now());
      try (SinkService sink =
          new SinkService(config, ArticleStore.open("jdbc:sqlite:" + dir.resolve("store.db")))) {
        new Thread(sink, "status-it-sink").start();
        try (EnrichService enrich = new EnrichService(config, NlpPipeline.from(config))) {
          enrich.start();
          assertThat(sink.awaitProcessed(10, Duration.ofMinutes(2))).isTrue();
        }
        RawTopic.produce(config, ReplayIT.articles("second", 15), Instant.now());

        Cli json =
            Cli.run(
                "status", "-b", broker.bootstrapServers(), "--interval", "1", "--format", "json");
        Cli table = Cli.run("status", "-b", broker.bootstrapServers(), "--interval", "0.5");

        assertThat(json.exitCode).as(json.toString()).isZero();
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : Json.MAPPER.readTree(json.out.toString())) {
          rows.put(row.get("group").asText() + "/" + row.get("topic").asText(), row);
        }
        JsonNode enrich = rows.get("wirestream-enrich/news.raw");
        assertThat(enrich).as(json.out.toString()).isNotNull();
        assertThat(enrich.get("role").asText()).isEqualTo("enrich");
        assertThat(enrich.get("lag").asLong()).isEqualTo(15);
        assertThat(enrich.get("members").asInt()).isZero();
        assertThat(enrich.get("version").asInt()).isEqualTo(1);
        assertThat(enrich.get("versionSource").asText())
            .isEqualTo("newest non-replay record on news.enriched");
        JsonNode sinkRow = rows.get("wirestream-sink/news.enriched");
        assertThat(sinkRow).as(json.out.toString()).isNotNull();
        assertThat(sinkRow.get("role").asText()).isEqualTo("sink");
        assertThat(sinkRow.get("members").asInt()).isEqualTo(1);

        assertThat(table.exitCode).as(table.toString()).isZero();
        assertThat(table.out.toString())
            .contains("GROUP", "LAG", "RECORDS/S", "VERSION")
            .containsPattern("wirestream-enrich +enrich +Empty +0 +news.raw +15 ")
            .contains("1 (newest non-replay record on news.enriched)")
            .contains("wirestream-sink");
        System.out.println("status table:\n" + table.out);
      }
    }
  }
}
