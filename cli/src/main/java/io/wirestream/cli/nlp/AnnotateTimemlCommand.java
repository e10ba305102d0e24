package io.wirestream.cli.nlp;

import io.wirestream.cli.UsageException;
import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import io.wirestream.lab.timeml.TimemlAnnotator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Tags TimeML files with the rule-based temporal tagger (TempEval-3 Task A protocol). */
@Command(
    name = "annotate-timeml",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the *.tml files of --in, removes the TIMEX3 tags in TEXT, tags the text against the"
          + " DCT and writes the files with the tagger's TIMEX3 tags to --out."
    })
public final class AnnotateTimemlCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "DIR", description = "TimeML input folder")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(in)) {
      throw new UsageException("--in " + in + " is not a directory");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out " + out + " is not a directory");
    }
    if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
      throw new UsageException("--out must differ from --in");
    }
    int n;
    try {
      n = new TimemlAnnotator(new RuleBasedTemporalTagger()).annotateDirectory(in, out);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    spec.commandLine().getOut().printf("annotated %d files into %s%n", n, out);
    return 0;
  }
}
