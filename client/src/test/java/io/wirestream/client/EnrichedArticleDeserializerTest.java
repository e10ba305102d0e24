package io.wirestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichedArticleDeserializerTest {

  @Test
  void readsAnEnrichedArticleWrittenByTheSerde() {
    EnrichedArticle article = SampleArticles.merkel("a1", 3, Instant.EPOCH);
    EnrichedArticle read =
        new EnrichedArticleDeserializer(BadRecordHandler.IGNORE)
            .deserialize("t", SampleArticles.json(article));
    assertThat(read).isEqualTo(article);
  }

  @Test
  void badBytesAreReportedAndReturnNullEvenWhenTheHandlerThrows() {
    List<Exception> errors = new ArrayList<>();
    EnrichedArticleDeserializer deserializer =
        new EnrichedArticleDeserializer(
            (topic, bytes, error) -> {
              errors.add(error);
              throw new IllegalStateException("handler broke");
            });

    assertThat(deserializer.deserialize("t", "\u0000\u0001".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    assertThat(deserializer.deserialize("t", "{\"article\":{}}".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    assertThat(errors).hasSize(2);
  }

  @Test
  void aTombstoneIsNullWithoutAReport() {
    List<Exception> errors = new ArrayList<>();
    assertThat(new EnrichedArticleDeserializer((t, b, e) -> errors.add(e)).deserialize("t", null))
        .isNull();
    assertThat(errors).isEmpty();
  }

  @Test
  void theSchemasShipInTheJar() {
    assertThat(Schemas.text(Schemas.ENRICHED)).contains("\"$id\"");
    assertThat(Schemas.text(Schemas.RAW)).contains("\"$id\"");
  }
}
