package io.wirestream.lab.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.lab.dedup.DuplicateEvaluation.Story;
import io.wirestream.lab.dedup.DuplicateEvaluation.Threshold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pins duplicate detection on the Reuters-21578 stories and the pairs labelled by reading them
 * (docs/duplicates.md): the exact copies counted, and the precision and recall of the shipped
 * SimHash and title thresholds on the labelled pairs.
 */
@Tag("accuracy")
class DuplicateAccuracyTest {

  private static final Path LABELS = Path.of("src/test/resources/dedup");

  private static List<Story> stories;

  @BeforeAll
  static void read() throws Exception {
    String corpora = System.getProperty("wirestream.corpora");
    Path corpus = corpora == null ? null : Path.of(corpora, "news", "reuters21578.jsonl");
    assumeTrue(
        corpus != null && Files.isRegularFile(corpus),
        "Reuters corpus not found under wirestream.corpora=" + corpora + "; skipping");
    stories = DuplicateEvaluation.read(corpus);
  }

  @Test
  void shouldCountTheRepeatedBodiesOfTheReutersStories() {
    DuplicateEvaluation.Exact exact = DuplicateEvaluation.exactCounts(stories);
    assertThat(exact.stories()).isEqualTo(19_042);
    assertThat(exact.identical()).isEqualTo(340);
    // Normalising case, punctuation and spacing finds 24 more, all within the 30-day window.
    assertThat(exact.normalised()).isEqualTo(364);
    assertThat(exact.withinWindow()).isEqualTo(364);
  }

  @Test
  void shouldTakeNoLabelledPairThatIsNotANearDuplicateAtTheShippedDistance() throws Exception {
    Threshold shipped = threshold("reuters-simhash-pairs.tsv", 6);
    assertThat(shipped.taken()).isEqualTo(57);
    assertThat(shipped.precision()).isEqualTo(1.0);
    assertThat(shipped.recall()).isGreaterThanOrEqualTo(0.64);
  }

  @Test
  void shouldConfirmASharedTitleOnlyWithBodiesWithinTheTitleDistance() throws Exception {
    List<Label> labels = Label.read(LABELS.resolve("reuters-title-pairs.tsv"));
    Threshold title = DuplicateEvaluation.titleRule(stories, labels);
    System.out.println("title rule: " + title.line());
    // A shared title alone is right about half the time: the wire re-uses titles of daily reports.
    assertThat(labels).hasSize(30);
    assertThat(title.positives()).isEqualTo(16);
    assertThat(title.taken()).isEqualTo(11);
    assertThat(title.right()).isEqualTo(10);
  }

  private static Threshold threshold(String labels, int distance) throws Exception {
    List<Threshold> rows =
        DuplicateEvaluation.thresholds(stories, Label.read(LABELS.resolve(labels)));
    rows.forEach(row -> System.out.println(labels + " " + row.line()));
    return rows.get(distance);
  }
}
