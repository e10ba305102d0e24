package io.wirestream.bench;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.Entity;
import io.wirestream.enrich.nlp.Enricher;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.enrich.nlp.ner.EntityGrouper;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractor;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * CPU time of {@link Enricher#enrich} on one body per size, for {@link LongTexts} of one kind. It
 * is the thread's own CPU time, so work of other processes on a shared machine does not count, as
 * it does in {@link EnrichmentBySizeBenchmark}'s wall-clock times. The code is compiled first on
 * the smallest size. With {@code -Dstages=true} each step is timed on its own too (sentences and
 * tokens, names, grouping, dates), which doubles the run.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.wirestream.bench.EnrichmentCpuTime KIND
 * CHARS...}
 */
public final class EnrichmentCpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final LocalDate DATE = LocalDate.of(1987, 3, 2);
  private static final int WARM_UP_RUNS = 3;

  private EnrichmentCpuTime() {}

  public static void main(String[] args) {
    String kind = args[0];
    boolean stages = Boolean.getBoolean("stages");
    OpenNlpEntityExtractorFactory models = new OpenNlpEntityExtractorFactory();
    RuleBasedTemporalTagger tagger = new RuleBasedTemporalTagger();
    Enricher enricher =
        NlpPipeline.of(models, tagger, 1, Clock.systemUTC(), Integer.MAX_VALUE).enricher();
    String smallest = LongTexts.of(kind, Integer.parseInt(args[1]));
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      enricher.enrich(article(smallest));
    }
    OpenNlpEntityExtractor extractor = models.create();
    EntityGrouper grouper = new EntityGrouper();
    long previous = 0;
    for (int i = 1; i < args.length; i++) {
      int chars = Integer.parseInt(args[i]);
      String text = LongTexts.of(kind, chars);
      long start = cpu();
      enricher.enrich(article(text));
      long total = cpu() - start;
      String ratio = previous == 0 ? "" : String.format(" (x%.2f)", (double) total / previous);
      System.out.printf("%s %d chars: enrich %d ms CPU%s%n", kind, chars, ms(total), ratio);
      previous = total;
      if (stages) {
        long t0 = cpu();
        List<String[]> sentences = extractor.tokenize(text);
        long t1 = cpu();
        List<Entity> mentions = extractor.extract(text);
        long t2 = cpu();
        grouper.group(mentions);
        long t3 = cpu();
        tagger.tag(text, DATE);
        long t4 = cpu();
        System.out.printf(
            "  sentences+tokens %d ms, names %d ms, grouping %d ms, dates %d ms"
                + " (%d sentences, %d mentions)%n",
            ms(t1 - t0),
            ms(t2 - t1 - (t1 - t0)),
            ms(t3 - t2),
            ms(t4 - t3),
            sentences.size(),
            mentions.size());
      }
    }
  }

  private static Article article(String body) {
    return new Article("a", "bench", null, null, body, "1987-03-02", null, "en");
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
