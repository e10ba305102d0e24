package io.wirestream.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.config.WirestreamConfig;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichServicePropertiesTest {

  private static Object commitInterval(Map<String, String> settings) {
    return EnrichService.streamsProperties(WirestreamConfig.load(null, Map.of(), settings))
        .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
  }

  @Test
  void shouldCommitTheTransactionOnceASecondByDefault() {
    assertThat(commitInterval(Map.of())).isEqualTo(1_000L);
  }

  @Test
  void shouldTakeTheCommitIntervalFromTheSetting() {
    assertThat(commitInterval(Map.of(WirestreamConfig.ENRICH_COMMIT_INTERVAL_MS, "250")))
        .isEqualTo(250L);
  }

  @Test
  void shouldLetAKafkaPassThroughOverrideTheSettingAsForTheOtherStreamsSettings() {
    assertThat(commitInterval(Map.of("kafka.commit.interval.ms", "100"))).isEqualTo("100");
  }
}
