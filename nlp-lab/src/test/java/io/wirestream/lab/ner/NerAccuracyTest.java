package io.wirestream.lab.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shipped model on the corpora's dev sets; floors a little under the measured scores. */
@Tag("accuracy")
class NerAccuracyTest {

  private static Path corpora() {
    String dir = System.getProperty("wirestream.corpora");
    assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir)),
        "corpora folder (system property wirestream.corpora) not available; skipping");
    return Path.of(dir);
  }

  private static SpanScores score(Path file, boolean raw) {
    assumeTrue(Files.isRegularFile(file), file + " not available; skipping");
    List<NameSample> samples = ConllReader.read(file);
    NerEvaluator evaluator =
        new NerEvaluator(
            new OpenNlpEntityExtractorFactory().create(), NerEvaluator.typesIn(samples));
    SpanScores scores =
        raw ? evaluator.evaluateRaw(samples) : evaluator.evaluateTokens(samples, null);
    System.out.println(
        "NER " + file.getFileName() + (raw ? " (raw text)" : "") + "\n" + scores.report());
    return scores;
  }

  /** The target of the model: 93.5, with the shipped model at 93.59. */
  @Test
  void shouldScoreAbove93Point5F1OnConllDev() {
    SpanScores scores = score(corpora().resolve("ner/conll2003/dev.txt"), false);

    assertThat(scores.overall().f1()).as(scores.report()).isGreaterThan(0.935);
  }

  @Test
  void shouldScoreAbove92Point5F1OnConllDevFromRawText() {
    SpanScores scores = score(corpora().resolve("ner/conll2003/dev.txt"), true);

    assertThat(scores.overall().f1()).as(scores.report()).isGreaterThan(0.925);
  }

  /** Web text: stays above 57.8, the CoNLL-only model's score, by the Wikipedia training data. */
  @Test
  void shouldScoreAbove62F1OnUniversalNerEwtDev() {
    SpanScores scores = score(corpora().resolve("ner/uner-en-ewt/en_ewt-ud-dev.iob2"), false);

    assertThat(scores.overall().f1()).as(scores.report()).isGreaterThan(0.62);
  }

  /** Mixed genres: stays above 56.8, the CoNLL-only model's score. */
  @Test
  void shouldScoreAbove61Point5F1OnGumDev() {
    SpanScores scores = score(corpora().resolve("ner/gum/gum-dev.conll"), false);

    assertThat(scores.overall().f1()).as(scores.report()).isGreaterThan(0.615);
  }

  @Test
  void shouldFindTheSeedArticlesPeopleAndPlaces() throws IOException {
    Path seed = corpora().resolve("../seeds/000_6007e88cfec98b27.txt").normalize();
    assumeTrue(Files.isRegularFile(seed), seed + " not available; skipping");
    String body = Files.readString(seed).replaceFirst("^ date \\d{4}-\\d{2}-\\d{2} ", "");

    List<Entity> entities = new OpenNlpEntityExtractorFactory().create().extract(body);

    assertThat(entities)
        .filteredOn(e -> e.type() == EntityType.PERSON)
        .extracting(Entity::text)
        .contains(
            "Vladimir Putin", "Donald Trump", "Sergei Lavrov", "Rex Tillerson", "Bashar al-Assad");
    assertThat(entities)
        .filteredOn(e -> e.type() == EntityType.LOCATION)
        .extracting(Entity::text)
        .contains("Russia", "Syria", "Moscow");
  }
}
