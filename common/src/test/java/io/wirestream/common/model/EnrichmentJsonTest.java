package io.wirestream.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.serde.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code analysedChars} is optional on the wire, in both directions. */
class EnrichmentJsonTest {

  private static final Instant AT = Instant.parse("2017-04-12T10:16:00Z");

  @Test
  void shouldLeaveAnalysedCharsOutOfTheJsonWhenTheWholeBodyWasAnalysed() throws Exception {
    String json = Json.MAPPER.writeValueAsString(new Enrichment(1, Map.of("ner", "m"), AT));

    assertThat(json).doesNotContain("analysedChars");
  }

  @Test
  void shouldWriteAndReadAnalysedCharsWhenTheBodyWasCut() throws Exception {
    Enrichment cut = new Enrichment(1, Map.of("ner", "m"), AT, 99_874);

    String json = Json.MAPPER.writeValueAsString(cut);

    assertThat(json).contains("\"analysedChars\":99874");
    assertThat(Json.MAPPER.readValue(json, Enrichment.class)).isEqualTo(cut);
  }

  @Test
  void shouldReadRecordsWrittenBeforeTheFieldExisted() throws Exception {
    String old =
        "{\"version\":3,\"models\":{\"ner\":\"m\"},\"processedAt\":\"2017-04-12T10:16:00Z\"}";

    Enrichment read = Json.MAPPER.readValue(old, Enrichment.class);

    assertThat(read).isEqualTo(new Enrichment(3, Map.of("ner", "m"), AT));
    assertThat(read.analysedChars()).isNull();
  }

  @Test
  void shouldRejectANegativeCut() {
    assertThatThrownBy(() -> new Enrichment(1, Map.of(), AT, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
