package io.wirestream.enrich.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Sentence;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import java.time.Clock;
import java.util.List;
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

  @Test
  void shouldGiveSentencesTheirTokensOnlyWhenAskedTo() {
    String body = "Lavrov met Tillerson in Moscow. They talked.";
    Article article = new Article("a-1", "test", null, null, body, "2017-04-12", null, "en");
    OpenNlpEntityExtractorFactory extractors = new OpenNlpEntityExtractorFactory();
    DateAnnotator dates = new DateAnnotator(new RuleBasedTemporalTagger());

    EnrichedArticle with =
        new NlpPipeline(
                List.of(new NameAnnotator(extractors, true), dates), 1, Clock.systemUTC(), 10_000)
            .enricher()
            .enrich(article);
    EnrichedArticle without =
        new NlpPipeline(
                List.of(new NameAnnotator(extractors, false), dates), 1, Clock.systemUTC(), 10_000)
            .enricher()
            .enrich(article);

    assertThat(with.sentences().get(0).tokens())
        .extracting(t -> body.substring(t[0], t[1]))
        .containsExactly("Lavrov", "met", "Tillerson", "in", "Moscow", ".");
    assertThat(without.sentences()).hasSize(2).allMatch(s -> s.tokens().isEmpty());
    assertThat(without.sentences())
        .extracting(Sentence::start, Sentence::end)
        .containsExactlyElementsOf(
            with.sentences().stream()
                .map(s -> org.assertj.core.groups.Tuple.tuple(s.start(), s.end()))
                .toList());
  }
}
