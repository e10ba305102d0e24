package io.wirestream.lab.timeml;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.nlp.time.RuleBasedTemporalTagger;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TempEval-3 Task A round trip on the hand-made gold files. */
class TimemlAnnotatorTest {

  @TempDir Path out;

  @Test
  void shouldAnnotateDirectoryAndScorePerfectlyOnEasyFixtures() throws Exception {
    Path gold = Fixtures.dir("gold");
    int n = new TimemlAnnotator(new RuleBasedTemporalTagger()).annotateDirectory(gold, out);

    assertThat(n).isEqualTo(2);
    for (String name : new String[] {"putin.tml", "second.tml"}) {
      Path written = out.resolve(name);
      DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(written.toFile());
      TimemlDocument g = TimemlDocument.read(gold.resolve(name));
      TimemlDocument s = TimemlDocument.read(written);
      assertThat(s.text()).isEqualTo(g.text());
      assertThat(s.head()).isEqualTo(g.head());
      assertThat(Files.readString(written)).doesNotContain("<EVENT");
    }
    TimexScore score = TimexEvaluation.compareDirectories(gold, out).score();
    assertThat(score).isEqualTo(new TimexScore(6, 6, 6, 6, 6, 6));
  }
}
