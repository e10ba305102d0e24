package io.wirestream.cli.nlp;

import io.wirestream.cli.UsageException;
import io.wirestream.enrich.nlp.EntityExtractorFactory;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import io.wirestream.lab.ner.ConllReader;
import io.wirestream.lab.ner.NerEvaluator;
import io.wirestream.lab.ner.SpanScores;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores the name model on a labelled file, conlleval style. */
@Command(
    name = "eval-ner",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the named-entity model on a CoNLL-2003 (4 columns) or token/tag (IOB1 or IOB2)",
      "file: precision, recall and F1 over exact spans, overall and per type. Only the types",
      "present in the file are scored."
    })
public final class EvalNerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--conll",
      paramLabel = "FILE",
      required = true,
      description = "Labelled file to score against.")
  Path conll;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write token<TAB>gold<TAB>predicted rows (IOB2) here (token mode only).")
  Path out;

  @Option(
      names = "--raw",
      description =
          "Rebuild the sentences as text and run the full path (sentence detection and"
              + " tokenisation included), scoring character spans.")
  boolean raw;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Name model to score (default: the shipped model).")
  Path model;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(conll)) {
      throw new UsageException("labelled file " + conll + " not found");
    }
    if (model != null && !Files.isRegularFile(model)) {
      throw new UsageException("model file " + model + " not found");
    }
    if (raw && out != null) {
      throw new UsageException("--out writes token rows and cannot be used with --raw");
    }
    List<NameSample> samples = ConllReader.read(conll);
    EntityExtractorFactory factory =
        model == null
            ? new OpenNlpEntityExtractorFactory()
            : new OpenNlpEntityExtractorFactory(model);
    Set<String> types = NerEvaluator.typesIn(samples);
    NerEvaluator evaluator = new NerEvaluator(factory.create(), types);
    SpanScores scores;
    if (raw) {
      scores = evaluator.evaluateRaw(samples);
    } else if (out != null) {
      try (PrintWriter rows =
          new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
        scores = evaluator.evaluateTokens(samples, rows);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out, e);
      }
    } else {
      scores = evaluator.evaluateTokens(samples, null);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        "%s: %d sentences, model %s, %s spans%n",
        conll, samples.size(), factory.modelName(), raw ? "character" : "token");
    stdout.print(scores.report());
    stdout.flush();
    return 0;
  }
}
