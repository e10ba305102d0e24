package io.wirestream.cli.nlp;

import io.wirestream.cli.UsageException;
import io.wirestream.lab.timeml.TimexError;
import io.wirestream.lab.timeml.TimexEvaluation;
import io.wirestream.lab.timeml.TimexScorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores system TimeML against gold TimeML, TempEval-3 Task A style. */
@Command(
    name = "eval-timex",
    mixinStandardHelpOptions = true,
    description = {
      "Strict and relaxed precision, recall and F1, type F1 and value F1 of the TIMEX3s in"
          + " --system against those in --gold (files paired by name)."
    })
public final class EvalTimexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--gold", required = true, paramLabel = "DIR", description = "gold TimeML")
  Path gold;

  @Option(names = "--system", required = true, paramLabel = "DIR", description = "system TimeML")
  Path system;

  @Option(
      names = "--errors",
      description = "list every missed, spurious and wrongly valued expression with its context")
  boolean errors;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(gold)) {
      throw new UsageException("--gold " + gold + " is not a directory");
    }
    if (!Files.isDirectory(system)) {
      throw new UsageException("--system " + system + " is not a directory");
    }
    TimexScorer.Result result;
    try {
      result = TimexEvaluation.compareDirectories(gold, system);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (errors) {
      for (TimexError e : result.errors()) {
        out.println(e);
      }
      out.println();
    }
    out.print(result.score().report());
    out.flush();
    return 0;
  }
}
