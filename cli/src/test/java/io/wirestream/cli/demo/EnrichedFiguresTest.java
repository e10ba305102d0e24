package io.wirestream.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import io.wirestream.common.serde.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EnrichedFiguresTest {

  private static final String BODY = "Angela Merkel met Siemens in Berlin on Monday and Tuesday.";

  @Test
  void shouldCountTheEntityMentionsAndDatesOfTheRecordAsTheBoundArticleHasThem() throws Exception {
    EnrichedArticle article =
        new EnrichedArticle(
            new Article("a1", "test", null, "Merkel", BODY, "2017-04-12", null, "en"),
            List.of(
                mention("Angela Merkel", EntityType.PERSON),
                mention("Siemens", EntityType.ORGANIZATION),
                mention("Berlin", EntityType.LOCATION)),
            List.of(new CanonicalEntity("Angela Merkel", EntityType.PERSON, 1, 0, null)),
            List.of(date("Monday"), date("Tuesday")),
            new Enrichment(1, Map.of("ner", "v1"), Instant.parse("2026-01-01T00:00:00Z")));

    EnrichedFigures figures = EnrichedFigures.read(Json.MAPPER.writeValueAsBytes(article));

    assertThat(figures.entities()).isEqualTo(3);
    assertThat(figures.dates()).isEqualTo(2);
    assertThat(figures.finalUrl()).isNull();
    assertThat(figures.article()).isEqualTo(article);
  }

  @Test
  void shouldCountOnlyTheTopLevelArraysAndZeroForAbsentOnes() {
    String json = "{\"article\":{\"entities\":[1,2,3],\"dates\":[1]},\"sentences\":[[0,5]]}";

    EnrichedFigures figures = EnrichedFigures.read(json.getBytes(StandardCharsets.UTF_8));

    assertThat(figures.entities()).isZero();
    assertThat(figures.dates()).isZero();
  }

  @Test
  void shouldPickUpTheArticlesFinalUrlWithoutBindingTheRecord() {
    String json =
        "{\"article\":{\"id\":\"a\",\"authors\":[\"x\"],\"finalUrl\":\"http://h/p\"},"
            + "\"entities\":[{}]}";

    EnrichedFigures figures = EnrichedFigures.read(json.getBytes(StandardCharsets.UTF_8));

    assertThat(figures.finalUrl()).isEqualTo("http://h/p");
    assertThat(figures.entities()).isEqualTo(1);
  }

  @Test
  void shouldRejectARecordThatIsNotAJsonObject() {
    assertThatThrownBy(() -> EnrichedFigures.read("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class);
  }

  private static Entity mention(String text, EntityType type) {
    int start = BODY.indexOf(text);
    return new Entity(text, type, start, start + text.length(), null);
  }

  private static TemporalExpression date(String text) {
    int start = BODY.indexOf(text);
    return new TemporalExpression(text, start, start + text.length(), TimexType.DATE, "2017-04-10");
  }
}
