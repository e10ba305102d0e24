package io.wirestream.bench;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.ingest.page.ExtractedPage;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.lab.extract.ExtractionEvaluation;
import io.wirestream.lab.extract.ExtractionGold;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Pages per second of {@link PageExtractor} on one thread over the web corpus ({@code
 * web/fundus-articles.jsonl}), each operation one page in turn: {@code all} pages (median 250 KB,
 * up to 2.2 MB), or the {@code typical} ones of 120–220 KB. The pages are read into memory first,
 * so the figure is parsing and extraction, not disk. The fork's small heap shows that memory per
 * page is bounded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx128m")
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class PageExtractionBenchmark {

  @Param({"all", "typical"})
  String pages;

  private final List<byte[]> html = new ArrayList<>();
  private final List<URI> urls = new ArrayList<>();
  private PageExtractor extractor;
  private int next;

  @Setup
  public void setUp() {
    Path gold =
        Path.of(System.getProperty("wirestream.corpora", "../shared/corpora"))
            .resolve("web/fundus-articles.jsonl");
    if (!Files.isRegularFile(gold)) {
      throw new IllegalStateException(gold + " not found; set -Dwirestream.corpora");
    }
    for (ExtractionGold page : ExtractionGold.read(gold)) {
      byte[] bytes = ExtractionEvaluation.read(gold.getParent().resolve(page.file()));
      if (pages.equals("all") || (bytes.length >= 120_000 && bytes.length <= 220_000)) {
        html.add(bytes);
        urls.add(URI.create(page.url()));
      }
    }
    extractor =
        PageExtractor.from(WirestreamConfig.load(null, java.util.Map.of(), java.util.Map.of()));
  }

  @Benchmark
  public ExtractedPage extract() {
    int i = next;
    next = (next + 1) % html.size();
    return extractor.extract(html.get(i), urls.get(i), null);
  }
}
