package io.wirestream.lab.timeml;

import io.wirestream.common.model.TemporalExpression;
import io.wirestream.enrich.nlp.TemporalTagger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TempEval-3 Task A protocol: strip the TIMEX3s from TEXT, tag the plain text against the
 * document creation time, write the document back with the tagger's TIMEX3s.
 */
public final class TimemlAnnotator {

  private final TemporalTagger tagger;

  public TimemlAnnotator(TemporalTagger tagger) {
    this.tagger = tagger;
  }

  public TimemlDocument annotate(TimemlDocument document) {
    List<Timex> timexes = new ArrayList<>();
    int n = 1;
    for (TemporalExpression e : tagger.tag(document.text(), document.dct())) {
      timexes.add(new Timex("t" + n++, e.start(), e.end(), e.text(), e.type().name(), e.value()));
    }
    return document.withTimexes(timexes);
  }

  /**
   * Annotates every {@code *.tml} file under {@code in} into the same relative path under {@code
   * out}; returns the file count.
   */
  public int annotateDirectory(Path in, Path out) throws IOException {
    Files.createDirectories(out);
    int count = 0;
    for (Path file : TimemlFiles.list(in)) {
      TimemlDocument annotated = annotate(TimemlDocument.read(file));
      Path target = out.resolve(in.relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.writeString(target, annotated.toXml(), StandardCharsets.UTF_8);
      count++;
    }
    return count;
  }
}
