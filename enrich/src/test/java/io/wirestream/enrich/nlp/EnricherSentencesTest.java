package io.wirestream.enrich.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Sentence;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The record carries the sentences the name finder saw, as offsets into the body. */
class EnricherSentencesTest {

  @Test
  void shouldRecordEachSentenceOfTheAnalysedBodyAsOffsetsIntoIt() {
    String body =
        "Russian President Vladimir Putin met Rex Tillerson in Moscow.\n\n"
            + "The talks lasted two hours. Lavrov said they were frank.";
    Enricher enricher =
        NlpPipeline.of(
                new OpenNlpEntityExtractorFactory(),
                new RuleBasedTemporalTagger(),
                1,
                Clock.systemUTC(),
                10_000)
            .enricher();

    EnrichedArticle enriched =
        enricher.enrich(new Article("a-1", "test", null, null, body, "2017-04-12", null, "en"));

    assertThat(enriched.sentences())
        .extracting(s -> body.substring(s.start(), s.end()))
        .containsExactly(
            "Russian President Vladimir Putin met Rex Tillerson in Moscow.",
            "The talks lasted two hours.",
            "Lavrov said they were frank.");
    assertThat(enriched.entities())
        .allMatch(
            e ->
                enriched.sentences().stream()
                    .anyMatch((Sentence s) -> s.start() <= e.start() && e.end() <= s.end()));
  }
}
