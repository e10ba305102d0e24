package io.wirestream.enrich.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The body cap: what is analysed, what is recorded, and that offsets point into the body. */
class EnricherCapTest {

  private static final String STORY =
      "Russian President Vladimir Putin met Rex Tillerson in Moscow on Wednesday. ";

  private static OpenNlpEntityExtractorFactory extractors;

  @BeforeAll
  static void loadModels() {
    extractors = new OpenNlpEntityExtractorFactory();
  }

  private static Enricher enricher(int cap) {
    return NlpPipeline.of(
            extractors,
            new RuleBasedTemporalTagger(),
            1,
            Clock.fixed(Instant.parse("2017-04-12T10:00:00Z"), ZoneOffset.UTC),
            cap)
        .enricher();
  }

  private static Article article(String body) {
    return new Article("a-1", "test", null, null, body, "2017-04-12", null, "en");
  }

  @Test
  void shouldAnalyseABodyOverTheCapUpToTheCutAndRecordTheCut() {
    String body = STORY.repeat(200); // 15,000 characters
    int cap = 5_000;

    EnrichedArticle enriched = enricher(cap).enrich(article(body));

    Integer analysed = enriched.enrichment().analysedChars();
    assertThat(analysed).isNotNull().isBetween(cap - 2_000, cap);
    assertThat(body.substring(0, analysed)).endsWith("Wednesday.");
    assertThat(enriched.article().body()).isEqualTo(body);
    assertThat(enriched.entities()).isNotEmpty().allMatch(e -> e.end() <= analysed);
    assertThat(enriched.dates()).isNotEmpty().allMatch(d -> d.end() <= analysed);
    // The cut keeps a story's full stop and drops the space after it.
    int stories = (analysed + 1) / STORY.length();
    assertThat(enriched.entities())
        .filteredOn(e -> e.text().equals("Vladimir Putin"))
        .hasSize(stories);
  }

  @Test
  void shouldKeepOffsetsIntoTheOriginalBodyWhenCut() {
    String body = STORY.repeat(200);

    EnrichedArticle enriched = enricher(5_000).enrich(article(body));

    for (Entity e : enriched.entities()) {
      assertThat(body.substring(e.start(), e.end())).isEqualTo(e.text());
    }
    for (TemporalExpression d : enriched.dates()) {
      assertThat(body.substring(d.start(), d.end())).isEqualTo(d.text());
    }
  }

  @Test
  void shouldNotRecordACutWhenTheBodyFitsTheCap() {
    String body = STORY.repeat(10);

    EnrichedArticle enriched = enricher(body.length()).enrich(article(body));

    assertThat(enriched.enrichment().analysedChars()).isNull();
    assertThat(enriched.entities()).filteredOn(e -> e.text().equals("Vladimir Putin")).hasSize(10);
  }

  @Test
  void shouldAnalyseTheSameAsUncappedUpToTheCut() {
    String body = STORY.repeat(100);
    EnrichedArticle cut = enricher(4_000).enrich(article(body));
    int analysed = cut.enrichment().analysedChars();

    EnrichedArticle prefix = enricher(100_000).enrich(article(body.substring(0, analysed)));

    assertThat(cut.entities()).isEqualTo(prefix.entities());
    assertThat(cut.dates()).isEqualTo(prefix.dates());
    assertThat(cut.canonicalEntities()).isEqualTo(prefix.canonicalEntities());
  }
}
