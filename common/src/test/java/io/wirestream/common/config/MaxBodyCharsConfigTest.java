package io.wirestream.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class MaxBodyCharsConfigTest {

  @Test
  void shouldCapBodiesAtAHundredThousandCharactersByDefault() {
    assertThat(WirestreamConfig.defaults().getInt(WirestreamConfig.ENRICH_MAX_BODY_CHARS))
        .isEqualTo(100_000)
        .isEqualTo(WirestreamConfig.DEFAULT_MAX_BODY_CHARS);
  }

  @Test
  void shouldTakeTheCapFromTheEnvironment() {
    WirestreamConfig config =
        WirestreamConfig.load(null, Map.of("WIRESTREAM_ENRICH_MAX_BODY_CHARS", "250000"), Map.of());

    assertThat(config.getInt(WirestreamConfig.ENRICH_MAX_BODY_CHARS)).isEqualTo(250_000);
  }

  @Test
  void shouldRejectACapTooSmallToHoldAParagraph() {
    assertThatThrownBy(
            () -> new WirestreamConfig(Map.of(WirestreamConfig.ENRICH_MAX_BODY_CHARS, "999")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(WirestreamConfig.ENRICH_MAX_BODY_CHARS);
  }
}
