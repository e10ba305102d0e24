package io.wirestream.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The meters every stage keeps in the same shape, so one dashboard reads them all: articles taken
 * in, sent on, rejected at input and dead-lettered, tagged {@code stage} (ingest, enrich, sink)
 * and, for the last two, {@code reason}. Reasons are a small fixed set of classes (a dead letter's
 * {@code Stage} label, an input rejection's kind), never free text, so the number of series stays
 * bounded whatever the input holds.
 */
public final class PipelineMeters {

  public static final String ARTICLES_IN = "wirestream.articles.in";
  public static final String ARTICLES_OUT = "wirestream.articles.out";
  public static final String ARTICLES_REJECTED = "wirestream.articles.rejected";
  public static final String ARTICLES_DEAD_LETTERED = "wirestream.articles.dead.lettered";

  private final MeterRegistry registry;
  private final String stage;
  private final Counter in;
  private final Counter out;

  public PipelineMeters(MeterRegistry registry, String stage) {
    this.registry = registry;
    this.stage = stage;
    this.in =
        Counter.builder(ARTICLES_IN)
            .description("Records the stage took in")
            .tag("stage", stage)
            .register(registry);
    this.out =
        Counter.builder(ARTICLES_OUT)
            .description("Articles the stage passed on (published, enriched, stored)")
            .tag("stage", stage)
            .register(registry);
  }

  /** Meters that go nowhere: for services run without an operations endpoint. */
  public static PipelineMeters none(String stage) {
    return new PipelineMeters(new CompositeMeterRegistry(), stage);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public String stage() {
    return stage;
  }

  public void in() {
    in.increment();
  }

  public void in(long count) {
    in.increment(count);
  }

  public void out() {
    out.increment();
  }

  public void out(long count) {
    out.increment(count);
  }

  /**
   * Registers the counters of every reason this stage can report, at zero, so that each series
   * exists from the start: {@code increase()} and alerts on it see the first fault too.
   */
  public PipelineMeters declare(
      Iterable<String> rejectReasons, Iterable<String> deadLetterReasons) {
    rejectReasons.forEach(reason -> rejected(reason, 0));
    deadLetterReasons.forEach(reason -> deadLettered(reason, 0));
    return this;
  }

  /** One input record refused; {@code reason} must come from a fixed set of classes. */
  public void rejected(String reason) {
    rejected(reason, 1);
  }

  private void rejected(String reason, long count) {
    Counter.builder(ARTICLES_REJECTED)
        .description("Input records that were not articles, by kind of fault")
        .tags("stage", stage, "reason", reason)
        .register(registry)
        .increment(count);
  }

  /** One record sent to the dead-letter topic; {@code reason} is its dead-letter stage label. */
  public void deadLettered(String reason) {
    deadLettered(reason, 1);
  }

  public void deadLettered(String reason, long count) {
    Counter.builder(ARTICLES_DEAD_LETTERED)
        .description("Records sent to the dead-letter topic, by the step that refused them")
        .tags("stage", stage, "reason", reason)
        .register(registry)
        .increment(count);
  }
}
