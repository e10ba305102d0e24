package io.wirestream.bench;

import io.wirestream.common.model.TemporalExpression;
import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import io.wirestream.lab.timeml.TimemlDocument;
import io.wirestream.lab.timeml.TimemlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Characters per second of the rule-based temporal tagger on one thread. Each invocation tags the
 * first {@value #CHARS} characters of TBAQ article text (whole documents, each against its own
 * creation date, the last one cut), so the reported ops/s are characters/s.
 *
 * <p>Reads {@code timex/tbaq} under the system property {@code wirestream.corpora} (default {@code
 * ../shared/corpora}, i.e. run from the repository root).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class TimexTaggerBenchmark {

  static final int CHARS = 100_000;

  private final RuleBasedTemporalTagger tagger = new RuleBasedTemporalTagger();
  private final List<String> texts = new ArrayList<>();
  private final List<LocalDate> dates = new ArrayList<>();

  @Setup
  public void load() throws IOException {
    String corpora = System.getProperty("wirestream.corpora", "../shared/corpora");
    Path tbaq = Path.of(corpora, "timex", "tbaq");
    if (!Files.isDirectory(tbaq)) {
      throw new IllegalStateException(
          "TBAQ not found at " + tbaq.toAbsolutePath() + "; set -Dwirestream.corpora=DIR");
    }
    int total = 0;
    for (Path file : TimemlFiles.list(tbaq)) {
      TimemlDocument d = TimemlDocument.read(file);
      String text = d.text();
      if (total + text.length() > CHARS) {
        text = text.substring(0, CHARS - total);
      }
      texts.add(text);
      dates.add(d.dct());
      total += text.length();
      if (total == CHARS) {
        return;
      }
    }
    throw new IllegalStateException("TBAQ holds fewer than " + CHARS + " characters of text");
  }

  @Benchmark
  @OperationsPerInvocation(CHARS)
  public void tagCharacters(Blackhole bh) {
    for (int i = 0; i < texts.size(); i++) {
      List<TemporalExpression> found = tagger.tag(texts.get(i), dates.get(i));
      bh.consume(found);
    }
  }
}
