package io.wirestream.cli.nlp;

import io.wirestream.cli.ConfigOptions;
import io.wirestream.cli.UsageException;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.lab.extract.ExtractionEvaluation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores the page extractor against a gold corpus such as web/fundus-articles.jsonl. */
@Command(
    name = "eval-extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts every page of --gold (JSON lines: file, url, title, authors, published, body;"
          + " files relative to its folder) and prints body word-shingle precision, recall and F1"
          + " (ScrapingHub benchmark metric), title exact match, author F1 and date accuracy, for"
          + " all pages, English ones and two halves split by publisher."
    })
public final class EvalExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "gold JSON lines")
  Path gold;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(gold)) {
      throw new UsageException("--gold " + gold + " is not a file");
    }
    PageExtractor extractor = PageExtractor.from(config.load(Map.of()));
    ExtractionEvaluation.Result result;
    try {
      result = ExtractionEvaluation.run(gold, extractor);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(result.report());
    out.flush();
    return 0;
  }
}
