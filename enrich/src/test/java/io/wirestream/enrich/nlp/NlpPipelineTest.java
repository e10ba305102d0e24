package io.wirestream.enrich.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pipeline: its annotators name the models in the record, run in order, one worker each. */
class NlpPipelineTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2017-04-12T10:00:00Z"), ZoneOffset.UTC);

  /** Finds every "Moscow" as a location. */
  private static final EntityExtractorFactory MOSCOW =
      new EntityExtractorFactory() {
        @Override
        public EntityExtractor create() {
          return text -> {
            List<Entity> found = new ArrayList<>();
            for (int at = text.indexOf("Moscow"); at >= 0; at = text.indexOf("Moscow", at + 1)) {
              found.add(new Entity("Moscow", EntityType.LOCATION, at, at + 6, null));
            }
            return found;
          };
        }

        @Override
        public String modelName() {
          return "moscow@1";
        }
      };

  private static Article article(String body) {
    return new Article("a-1", "test", null, null, body, "2017-04-12", null, "en");
  }

  @Test
  void shouldRecordTheModelOfEachAnnotatorUnderItsName() {
    NlpPipeline pipeline = NlpPipeline.of(MOSCOW, new RuleBasedTemporalTagger(), 3, CLOCK, 1_000);

    EnrichedArticle enriched = pipeline.enricher().enrich(article("Moscow said on Monday."));

    assertThat(enriched.enrichment().models())
        .isEqualTo(
            Map.of(
                "ner",
                "moscow@1",
                "timex",
                new RuleBasedTemporalTagger().name(),
                "language",
                pipeline.languages().model()));
    assertThat(enriched.enrichment().version()).isEqualTo(3);
    assertThat(enriched.entities()).extracting(Entity::text).containsExactly("Moscow");
    assertThat(enriched.canonicalEntities()).hasSize(1);
    assertThat(enriched.dates())
        .extracting(TemporalExpression::value)
        .containsExactly("2017-04-10");
  }

  @Test
  void shouldRunAnAddedAnnotatorAfterTheOnesBeforeItAndRecordItsModel() {
    AtomicInteger workers = new AtomicInteger();
    List<Integer> mentionsSeen = new ArrayList<>();
    Annotator counter =
        new Annotator() {
          @Override
          public String name() {
            return "counter";
          }

          @Override
          public String model() {
            return "counter@2";
          }

          @Override
          public Worker worker() {
            workers.incrementAndGet();
            return document -> mentionsSeen.add(document.mentions().size());
          }
        };
    NlpPipeline pipeline =
        new NlpPipeline(List.of(new NameAnnotator(MOSCOW), counter), 1, CLOCK, 1_000);

    Enricher enricher = pipeline.enricher();
    EnrichedArticle enriched = enricher.enrich(article("Moscow and Moscow."));
    enricher.enrich(article("Nothing here."));

    assertThat(enriched.enrichment().models())
        .isEqualTo(
            Map.of(
                "ner",
                "moscow@1",
                "counter",
                "counter@2",
                "language",
                pipeline.languages().model()));
    assertThat(mentionsSeen).containsExactly(2, 0);
    assertThat(workers).hasValue(1);
  }

  @Test
  void shouldRefuseTwoAnnotatorsOfOneName() {
    assertThatThrownBy(
            () ->
                new NlpPipeline(
                    List.of(new NameAnnotator(MOSCOW), new NameAnnotator(MOSCOW)), 1, CLOCK, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ner");
  }
}
