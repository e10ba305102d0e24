package io.wirestream.bench;

import io.wirestream.enrich.nlp.lang.LanguageGate;
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
 * What the language decision adds to each English news article: enrich's {@link LanguageGate} (the
 * shipped detector over the first 1000 characters) on {@value #STORIES} Reuters-21578 bodies, one
 * thread; the score is milliseconds per article. Reads the corpus as {@link NerReuters} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class LanguageGateBenchmark {

  static final int STORIES = 500;

  private final LanguageGate gate = LanguageGate.english();
  private List<String> bodies;

  @Setup
  public void load() {
    bodies = NerReuters.bodies(STORIES);
    if (bodies.size() < STORIES) {
      throw new IllegalStateException("fewer than " + STORIES + " Reuters bodies");
    }
    // Loads the models, so that the first iteration measures detection only.
    gate.decide("warm-up", bodies.get(0), null);
  }

  @Benchmark
  @OperationsPerInvocation(STORIES)
  public void decideEnglishNews(Blackhole bh) {
    for (int i = 0; i < bodies.size(); i++) {
      bh.consume(gate.decide("r" + i, bodies.get(i), "en"));
    }
  }
}
