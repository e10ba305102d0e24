package io.wirestream.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WirestreamConfigTest {

  @TempDir Path dir;

  @Test
  void shouldLayerDefaultsFileEnvironmentAndOverridesInThatOrder() throws IOException {
    Path file = dir.resolve("wirestream.properties");
    Files.writeString(
        file, "topic.raw=file.raw\ntopic.enriched=file.enriched\ntopic.dlq=file.dlq\n");

    WirestreamConfig config =
        WirestreamConfig.load(
            file,
            Map.of(
                "WIRESTREAM_TOPIC_ENRICHED",
                "env.enriched",
                "WIRESTREAM_TOPIC_DLQ",
                "env.dlq",
                "HOME",
                "/root"),
            Map.of("topic.dlq", "cli.dlq"));

    assertThat(config.getString(WirestreamConfig.TOPIC_RAW)).isEqualTo("file.raw");
    assertThat(config.getString(WirestreamConfig.TOPIC_ENRICHED)).isEqualTo("env.enriched");
    assertThat(config.getString(WirestreamConfig.TOPIC_DLQ)).isEqualTo("cli.dlq");
    assertThat(config.getString(WirestreamConfig.SINK_STORE))
        .isEqualTo("jdbc:sqlite:wirestream.db");
  }

  @Test
  void shouldPassKafkaPrefixedSettingsThroughToClients() {
    WirestreamConfig config =
        WirestreamConfig.load(
            null,
            Map.of("WIRESTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
            Map.of("bootstrap.servers", "broker:9093", "kafka.sasl.mechanism", "PLAIN"));

    assertThat(config.kafkaProperties())
        .containsEntry("bootstrap.servers", "broker:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void shouldRejectInvalidValuesWithTheKeyInTheMessage() {
    assertThatThrownBy(
            () -> WirestreamConfig.load(null, Map.of(), Map.of("enrich.error.policy", "ignore")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("enrich.error.policy");
    assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of(), Map.of("sink.batch.size", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sink.batch.size");
  }

  @Test
  void shouldReportUnreadableConfigFile() {
    assertThatThrownBy(
            () -> WirestreamConfig.load(dir.resolve("missing.properties"), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing.properties");
  }

  @Test
  void shouldRejectAnUnknownOptionAndSuggestTheNearestSetting() {
    assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of(), Map.of("sink.batchsize", "10")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting 'sink.batchsize'")
        .hasMessageContaining("did you mean sink.batch.size?");
  }

  @Test
  void shouldRejectAnUnknownVariableNamingTheVariable() {
    assertThatThrownBy(
            () -> WirestreamConfig.load(null, Map.of("WIRESTREAM_ENRICH_THREAD", "2"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("WIRESTREAM_ENRICH_THREAD")
        .hasMessageContaining("did you mean enrich.threads?");
  }

  @Test
  void shouldRejectAnUnknownKeyInTheFileNamingTheFile() throws IOException {
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "topic.raws=x\n");
    assertThatThrownBy(() -> WirestreamConfig.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("typo.properties")
        .hasMessageContaining("did you mean topic.raw?");
  }

  @Test
  void shouldRejectEmptyKeys() {
    assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of(), Map.of("", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("empty setting name");
    assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of(), Map.of("kafka.", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("empty Kafka setting name");
  }

  @Test
  void shouldIgnoreTheLaunchersOwnVariablesAndUnprefixedOnes() {
    WirestreamConfig config =
        WirestreamConfig.load(
            null,
            Map.of(
                "WIRESTREAM_JAVA_OPTS",
                "-Xmx1g",
                "WIRESTREAM_REQUIRE_POSTGRES",
                "true",
                "PATH",
                "/bin"),
            Map.of());
    assertThat(config.getInt(WirestreamConfig.SINK_BATCH_SIZE)).isEqualTo(500);
  }

  @Test
  void shouldSuggestNothingForAKeyFarFromEverySetting() {
    assertThatThrownBy(() -> WirestreamConfig.load(null, Map.of(), Map.of("colour", "blue")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting 'colour'")
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void shouldTellWhichLayerEachValueCameFrom() throws IOException {
    Path file = dir.resolve("origins.properties");
    Files.writeString(file, "topic.raw=file.raw\ntopic.dlq=file.dlq\n");

    WirestreamConfig config =
        WirestreamConfig.load(
            file,
            Map.of("WIRESTREAM_TOPIC_DLQ", "env.dlq", "WIRESTREAM_SINK_BATCH_SIZE", "10"),
            Map.of("sink.batch.size", "20"));

    assertThat(config.origin("topic.raw")).isEqualTo("file " + file);
    assertThat(config.origin("topic.dlq")).isEqualTo("environment WIRESTREAM_TOPIC_DLQ");
    assertThat(config.origin("sink.batch.size")).isEqualTo("option");
    assertThat(config.origin("topic.enriched")).isEqualTo(WirestreamConfig.ORIGIN_DEFAULT);
  }
}
