package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Texts that once took time growing with the square of their length: one sentence of 100,000
 * tokens, and runs of a megabyte without a space. Bounds are generous: the old code took about a
 * minute on the first and failed on the second, after minutes of tokenising.
 */
class LongTextTest {

  private static OpenNlpEntityExtractorFactory extractors;

  @BeforeAll
  static void loadModels() {
    extractors = new OpenNlpEntityExtractorFactory();
  }

  @Test
  void shouldSplitAHundredThousandTokenRunAndStillFindItsNamesAtTheirOffsets() {
    String filler = "a ".repeat(50_000);
    String text =
        filler + "and Vladimir Putin met Angela Merkel in Berlin and " + filler + "Putin left";
    OpenNlpEntityExtractor extractor = extractors.create();
    assertThat(extractor.tokenize(text)).hasSize(1);
    assertThat(extractor.tokenize(text).get(0).length)
        .isGreaterThan(100 * FastNameFinder.MAX_CHUNK_TOKENS);

    List<Entity> found =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> extractor.extract(text));

    for (Entity e : found) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }
    assertThat(found)
        .extracting(Entity::text, Entity::type)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Vladimir Putin", EntityType.PERSON),
            org.assertj.core.groups.Tuple.tuple("Berlin", EntityType.LOCATION));
    assertThat(found)
        .filteredOn(e -> e.text().equals("Vladimir Putin"))
        .extracting(Entity::start)
        .containsExactly(text.indexOf("Vladimir Putin"));
  }

  @Test
  void shouldCutLongRunsInChunksOfBoundedLengthBeforeACapitalisedWord() {
    String[] tokens = new String[1_000];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = i % 3 == 0 ? "said" : "Name";
    }

    int end = FastNameFinder.chunkEnd(tokens, 0);

    assertThat(end).isLessThanOrEqualTo(FastNameFinder.MAX_CHUNK_TOKENS);
    assertThat(end).isGreaterThan(FastNameFinder.MAX_CHUNK_TOKENS * 3 / 4);
    assertThat(tokens[end]).isEqualTo("said");
    assertThat(FastNameFinder.chunkEnd(tokens, 900)).isEqualTo(1_000);
  }

  @Test
  void shouldCutAMegabyteWithoutASpaceIntoBoundedTokensAndGoOn() {
    String run = "a.b-".repeat(250_000);
    String text = "Putin met Merkel in Berlin. " + run + " Then Merkel flew to Paris.";
    OpenNlpEntityExtractor extractor = extractors.create();

    List<String[]> sentences =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> extractor.tokenize(text));
    List<Entity> found =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> extractor.extract(text));

    assertThat(sentences)
        .filteredOn(s -> s[0].startsWith("a.b-"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(String.join("", s)).isEqualTo(run);
              assertThat(s).allMatch(t -> t.length() <= OpenNlpEntityExtractor.MAX_RUN_CHARS);
            });
    assertThat(found).extracting(Entity::text).contains("Berlin", "Paris");
    for (Entity e : found) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }
  }

  @Test
  void shouldTokeniseRunsUpToTheLimitAsBefore() {
    String url = "http://example.org/" + "x".repeat(OpenNlpEntityExtractor.MAX_RUN_CHARS - 19);
    OpenNlpEntityExtractor extractor = extractors.create();

    String longer = url + "x";

    assertThat(url).hasSize(OpenNlpEntityExtractor.MAX_RUN_CHARS);
    assertThat(extractor.tokenize("See " + url + " now.").get(0))
        .as("split by the tokenizer's model")
        .startsWith("See", "http", "://example");
    assertThat(extractor.tokenize("See " + longer + " now."))
        .as("a sentence of its own, cut at the limit")
        .anyMatch(s -> s.length == 2 && s[0].equals(url) && s[1].equals("x"));
  }
}
