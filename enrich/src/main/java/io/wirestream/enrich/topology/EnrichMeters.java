package io.wirestream.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wirestream.common.dlq.Stage;
import io.wirestream.ops.PipelineMeters;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Enrich's meters: the pipeline counts of stage {@code enrich} (in: raw records read; out: enriched
 * records forwarded; dead-lettered by the step that failed), the time the NLP takes per article
 * ({@code wirestream.enrich.latency}, with histogram buckets for quantiles across instances) and
 * the tokens it reads ({@code wirestream.enrich.tokens}; its rate is tokens per second). Shared by
 * all stream threads; Micrometer's meters are thread-safe.
 *
 * <p>Articles enriched but not analysed are counted as {@code wirestream.articles.skipped} with
 * stage {@code enrich} and reason {@code language} (a language without models); they are also
 * counted out, since their record is published. {@code wirestream.enrich.language.overruled} counts
 * articles whose declared language the detector overruled.
 */
public final class EnrichMeters {

  public static final String LATENCY = "wirestream.enrich.latency";
  public static final String TOKENS = "wirestream.enrich.tokens";
  public static final String ARTICLES_SKIPPED = "wirestream.articles.skipped";
  public static final String LANGUAGE_OVERRULED = "wirestream.enrich.language.overruled";

  /** The reason label of articles skipped for their language. */
  public static final String SKIPPED_LANGUAGE = "language";

  /** The reason label of articles skipped as copies of another (docs/duplicates.md). */
  public static final String SKIPPED_DUPLICATE = "duplicate";

  private final PipelineMeters pipeline;
  private final Timer latency;
  private final Counter tokens;
  private final Counter skippedLanguage;
  private final Counter skippedDuplicate;
  private final Counter overruled;

  public EnrichMeters(MeterRegistry registry) {
    this(
        new PipelineMeters(registry, Stage.ENRICH.label())
            .declare(
                List.of(),
                Stream.of(Stage.PARSE, Stage.ENRICH, Stage.SERIALIZE, Stage.PRODUCE)
                    .map(Stage::label)
                    .toList()));
  }

  private EnrichMeters(PipelineMeters pipeline) {
    this.pipeline = pipeline;
    MeterRegistry registry = pipeline.registry();
    this.latency =
        Timer.builder(LATENCY)
            .description("Time the NLP pipeline takes on one article")
            .serviceLevelObjectives(
                Duration.ofMillis(5),
                Duration.ofMillis(10),
                Duration.ofMillis(25),
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                Duration.ofMillis(250),
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofMillis(2500),
                Duration.ofSeconds(5))
            .register(registry);
    this.tokens =
        Counter.builder(TOKENS)
            .description("Tokens the NLP pipeline has read")
            .baseUnit("tokens")
            .register(registry);
    this.skippedLanguage =
        Counter.builder(ARTICLES_SKIPPED)
            .description("Articles published without analysis, by why")
            .tags("stage", pipeline.stage(), "reason", SKIPPED_LANGUAGE)
            .register(registry);
    this.skippedDuplicate =
        Counter.builder(ARTICLES_SKIPPED)
            .description("Articles published without analysis, by why")
            .tags("stage", pipeline.stage(), "reason", SKIPPED_DUPLICATE)
            .register(registry);
    this.overruled =
        Counter.builder(LANGUAGE_OVERRULED)
            .description("Articles whose declared language the detector overruled")
            .register(registry);
  }

  /** Meters that go nowhere. */
  public static EnrichMeters none() {
    return new EnrichMeters(PipelineMeters.none(Stage.ENRICH.label()));
  }

  void in() {
    pipeline.in();
  }

  void out() {
    pipeline.out();
  }

  void deadLettered(Stage reason) {
    pipeline.deadLettered(reason.label());
  }

  void skippedForLanguage() {
    skippedLanguage.increment();
  }

  void skippedAsDuplicate() {
    skippedDuplicate.increment();
  }

  void languageOverruled() {
    overruled.increment();
  }

  void enriched(long nanos, int tokensRead) {
    latency.record(Duration.ofNanos(nanos));
    tokens.increment(tokensRead);
  }
}
