package io.wirestream.bench;

import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractor;
import java.util.ArrayList;
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
 * Name finding alone, on Reuters sentences tokenised beforehand: one operation is one article; the
 * {@code tokens} counter gives tokens per second. One thread, one extractor, as in a stream thread;
 * heap capped at 256 MB.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class NerTaggingBenchmark {

  @Param("500")
  int articles;

  /** A name model file to measure instead of the shipped one (empty: shipped). */
  @Param("")
  String model;

  private OpenNlpEntityExtractor extractor;
  private List<List<String[]>> documents;
  private int[] tokenCounts;
  private int next;

  @Setup
  public void setUp() {
    extractor = NerReuters.extractor(model);
    documents = new ArrayList<>();
    List<String> bodies = NerReuters.bodies(articles);
    tokenCounts = new int[bodies.size()];
    for (int i = 0; i < bodies.size(); i++) {
      List<String[]> sentences = extractor.tokenize(bodies.get(i));
      documents.add(sentences);
      for (String[] s : sentences) {
        tokenCounts[i] += s.length;
      }
    }
  }

  @Benchmark
  public void findNames(TokenCounter counter, Blackhole sink) {
    int i = next;
    next = (next + 1) % documents.size();
    sink.consume(extractor.findNames(documents.get(i)));
    counter.tokens += tokenCounts[i];
  }
}
