package io.wirestream.enrich.nlp;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import io.wirestream.enrich.nlp.lang.LanguageGate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Turns one article into an enriched article by running the annotators of an {@link NlpPipeline}
 * over its body. Holds one worker per annotator, so one instance serves one thread.
 *
 * <p>A body longer than the pipeline's {@code maxBodyChars} is analysed only up to a boundary at or
 * before that length ({@link BodyCut}), which the enrichment records; the article keeps its whole
 * body. The cap bounds the time one article can hold a stream thread.
 *
 * <p>The pipeline's {@link LanguageGate} decides the language from the analysed text and the
 * source's declaration; an article in a language without models is recorded with {@code
 * enrichment.skipped} and nothing else found.
 */
public final class Enricher {

  private final NlpPipeline pipeline;
  private final List<Annotator.Worker> workers;

  public Enricher(NlpPipeline pipeline) {
    this.pipeline = pipeline;
    this.workers = new ArrayList<>(pipeline.annotators().size());
    for (Annotator annotator : pipeline.annotators()) {
      workers.add(annotator.worker());
    }
  }

  /**
   * @throws IllegalArgumentException if the article cannot be enriched (e.g. its publication date
   *     is not a date)
   */
  public EnrichedArticle enrich(Article article) {
    return enrich(article, tokens -> {});
  }

  /**
   * @param tokensRead told how many tokens the analysis read, for the throughput meter
   */
  public EnrichedArticle enrich(Article article, IntConsumer tokensRead) {
    String body = article.body();
    int analysed = BodyCut.at(body, pipeline.maxBodyChars());
    String text = analysed == body.length() ? body : body.substring(0, analysed);
    LanguageGate.Decision language =
        pipeline.languages().decide(article.id(), text, article.language());
    if (!language.supported()) {
      // Still checks the date, so a record is refused for the same faults whatever its language.
      article.publicationDate();
      tokensRead.accept(0);
      return new EnrichedArticle(
          article,
          List.of(),
          List.of(),
          List.of(),
          new Enrichment(
              pipeline.version(),
              pipeline.models(),
              pipeline.clock().instant(),
              null,
              language.language(),
              language.skipReason()),
          List.of());
    }
    AnnotatedText document = new AnnotatedText(text, article.publicationDate());
    for (Annotator.Worker worker : workers) {
      worker.annotate(document);
    }
    tokensRead.accept(document.tokenCount());
    return new EnrichedArticle(
        article,
        document.mentions(),
        document.entities(),
        document.dates(),
        new Enrichment(
            pipeline.version(),
            pipeline.models(),
            pipeline.clock().instant(),
            analysed == body.length() ? null : Integer.valueOf(analysed),
            language.language(),
            null),
        document.sentences());
  }
}
