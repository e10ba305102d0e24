package io.wirestream.bench;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.enrich.nlp.Enricher;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to enrich one article body of {@code chars} characters through the whole {@link Enricher}
 * (sentences, tokens, names, grouping, dates), for each kind of {@link LongTexts}. The body cap is
 * raised above the series, so it measures the work inside the cap: time per doubling of the length
 * should stay near 2x. Single shots, as the largest bodies take seconds each.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class EnrichmentBySizeBenchmark {

  /** Above the largest size of the series, so that no body is cut. */
  private static final int NO_CAP = 2_000_000;

  @Param({"prose", "dense", "repeated", "token"})
  String kind;

  @Param({"25000", "50000", "100000", "200000", "400000", "800000"})
  int chars;

  private Enricher enricher;
  private Article article;

  @Setup
  public void setUp() {
    enricher =
        NlpPipeline.of(
                new OpenNlpEntityExtractorFactory(),
                new RuleBasedTemporalTagger(),
                1,
                Clock.systemUTC(),
                NO_CAP)
            .enricher();
    String body = LongTexts.of(kind, chars);
    article =
        new Article(
            "bench-" + kind + "-" + chars, "bench", null, null, body, "1987-03-02", null, "en");
  }

  @Benchmark
  public EnrichedArticle enrich() {
    return enricher.enrich(article);
  }
}
