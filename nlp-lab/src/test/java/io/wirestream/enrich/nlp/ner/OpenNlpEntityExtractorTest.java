package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.lab.ner.TinyCorpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenNlpEntityExtractorTest {

  private final OpenNlpEntityExtractorFactory factory =
      new OpenNlpEntityExtractorFactory(TinyCorpus.model(), "tiny");

  @Test
  void shouldGiveOffsetsIntoTheOriginalText() {
    String text =
        "Kofi Annan said in Oslo that Fiat would grow.\n\n"
            + "Siemens opened an office in Nairobi, said Angela Merkel.";

    List<Entity> entities = factory.create().extract(text);

    assertThat(entities)
        .extracting(Entity::text)
        .containsExactly("Kofi Annan", "Oslo", "Fiat", "Siemens", "Nairobi", "Angela Merkel");
    assertThat(entities)
        .extracting(Entity::type)
        .startsWith(EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION);
    for (Entity e : entities) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }
  }

  @Test
  void shouldKeepTypographicQuotesOutOfNamesAndOffsets() {
    String text = "“Kofi Annan said in Oslo that Fiat would grow,” said Angela Merkel’s office.";

    List<Entity> entities = factory.create().extract(text);

    assertThat(entities).extracting(Entity::text).contains("Kofi Annan", "Angela Merkel");
    for (Entity e : entities) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }
  }

  @Test
  void shouldMapUnicodePunctuationCharForChar() {
    String text = "“Merkel’s — view”";

    String plain = OpenNlpEntityExtractor.asciiPunctuation(text);

    assertThat(plain).isEqualTo("\"Merkel's - view\"").hasSameSizeAs(text);
  }

  @Test
  void shouldGiveTheSameAnswerForADocumentWhateverCameBefore() {
    OpenNlpEntityExtractor used = factory.create();
    used.extract("Ivan Petrov said in Lima that Nestle would grow. Lima opened an office.");
    String text = "Oxfam opened an office in Paris, said Maria Lopez.";

    assertThat(used.extract(text)).isEqualTo(factory.create().extract(text));
  }

  @Test
  void shouldSplitTheFullStopOffAnUnknownLastWordButNotOffAbbreviations() {
    String sentence = "talks with Lavrov.";
    opennlp.tools.util.Span[] spans = {
      new opennlp.tools.util.Span(0, 5),
      new opennlp.tools.util.Span(6, 10),
      new opennlp.tools.util.Span(11, 18)
    };

    assertThat(OpenNlpEntityExtractor.splitFinalPeriod(sentence, spans))
        .containsExactly(
            new opennlp.tools.util.Span(0, 5), new opennlp.tools.util.Span(6, 10),
            new opennlp.tools.util.Span(11, 17), new opennlp.tools.util.Span(17, 18));
    opennlp.tools.util.Span[] abbreviation = {
      new opennlp.tools.util.Span(0, 4), new opennlp.tools.util.Span(5, 9)
    };
    assertThat(OpenNlpEntityExtractor.splitFinalPeriod("U.S. Inc.", abbreviation))
        .containsExactly(abbreviation);
  }

  @Test
  void shouldFindNothingInEmptyOrBlankText() {
    OpenNlpEntityExtractor extractor = factory.create();

    assertThat(extractor.extract("")).isEmpty();
    assertThat(extractor.extract("\n\n  \n")).isEmpty();
  }

  @Test
  void shouldKeepArabicArticleInsidePersonNames() {
    String[] tokens = "said Bashar al-Assad , not al-Qaeda".split(" ");
    opennlp.tools.util.Span[] names = {
      new opennlp.tools.util.Span(1, 2, "PER"), new opennlp.tools.util.Span(5, 6, "ORG")
    };

    assertThat(NameRules.apply(tokens, names))
        .containsExactly(
            new opennlp.tools.util.Span(1, 3, "PER"), new opennlp.tools.util.Span(5, 6, "ORG"));
  }
}
