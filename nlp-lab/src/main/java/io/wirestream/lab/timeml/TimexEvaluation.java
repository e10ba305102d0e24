package io.wirestream.lab.timeml;

import io.wirestream.enrich.nlp.TemporalTagger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Scores a system against gold TimeML, from files or by running a tagger directly. */
public final class TimexEvaluation {

  private TimexEvaluation() {}

  /**
   * Scores every gold file against the file of the same relative path under {@code systemDir}; a
   * missing system file counts as a document with no expressions.
   *
   * @throws IllegalArgumentException if a system document's text differs from the gold text, so
   *     offsets cannot be compared
   */
  public static TimexScorer.Result compareDirectories(Path goldDir, Path systemDir)
      throws IOException {
    TimexScorer.Result total = TimexScorer.EMPTY;
    for (Path goldFile : TimemlFiles.list(goldDir)) {
      TimemlDocument gold = TimemlDocument.read(goldFile);
      Path systemFile = systemDir.resolve(goldDir.relativize(goldFile).toString());
      if (!Files.exists(systemFile)) {
        systemFile = systemDir.resolve(goldFile.getFileName().toString());
      }
      List<Timex> system = List.of();
      if (Files.exists(systemFile)) {
        TimemlDocument sys = TimemlDocument.read(systemFile);
        if (!sys.text().equals(gold.text())) {
          throw new IllegalArgumentException(
              systemFile + ": text differs from the gold document " + goldFile);
        }
        system = sys.timexes();
      }
      total = total.plus(TimexScorer.score(gold.name(), gold.text(), gold.timexes(), system));
    }
    return total;
  }

  /** Runs {@code tagger} on the gold documents' text and scores the result. */
  public static TimexScorer.Result run(TemporalTagger tagger, List<Path> goldFiles) {
    TimemlAnnotator annotator = new TimemlAnnotator(tagger);
    TimexScorer.Result total = TimexScorer.EMPTY;
    for (Path goldFile : goldFiles) {
      TimemlDocument gold = TimemlDocument.read(goldFile);
      TimemlDocument sys = annotator.annotate(gold);
      total =
          total.plus(TimexScorer.score(gold.name(), gold.text(), gold.timexes(), sys.timexes()));
    }
    return total;
  }
}
