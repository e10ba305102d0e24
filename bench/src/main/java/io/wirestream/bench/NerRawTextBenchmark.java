package io.wirestream.bench;

import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole text path of the enricher's NER step on Reuters bodies: sentence detection,
 * tokenisation, name finding and offset mapping. One operation is one article; the {@code tokens}
 * counter gives tokens per second. One thread; heap capped at 256 MB.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class NerRawTextBenchmark {

  @Param("500")
  int articles;

  /** A name model file to measure instead of the shipped one (empty: shipped). */
  @Param("")
  String model;

  private OpenNlpEntityExtractor extractor;
  private List<String> bodies;
  private int[] tokenCounts;
  private int next;

  @Setup
  public void setUp() {
    extractor = NerReuters.extractor(model);
    bodies = NerReuters.bodies(articles);
    tokenCounts = new int[bodies.size()];
    for (int i = 0; i < bodies.size(); i++) {
      for (String[] sentence : extractor.tokenize(bodies.get(i))) {
        tokenCounts[i] += sentence.length;
      }
    }
  }

  @Benchmark
  public void extract(TokenCounter counter, Blackhole sink) {
    int i = next;
    next = (next + 1) % bodies.size();
    sink.consume(extractor.extract(bodies.get(i)));
    counter.tokens += tokenCounts[i];
  }
}
