package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model reads document features, so it tags only inside a document scope. */
class DocumentScopeTest {

  private static TokenNameFinderModel shipped;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        OpenNlpEntityExtractorFactory.class.getResourceAsStream(
            OpenNlpEntityExtractorFactory.DEFAULT_MODEL_RESOURCE)) {
      shipped = new TokenNameFinderModel(in);
    }
  }

  private static final String[] SENTENCE = "Sergei Lavrov arrived in Moscow .".split(" ");

  @Test
  void shouldRefuseToTagWithTheShippedModelOutsideADocumentScope() {
    NameFinderME finder = new NameFinderME(shipped);

    assertThatThrownBy(() -> finder.find(SENTENCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no document scope is open")
        .hasMessageContaining("DocumentScope.open");
  }

  @Test
  void shouldTagInsideAScopeAndFailAgainOnceItIsClosed() {
    NameFinderME finder = new NameFinderME(shipped);

    try (DocumentScope scope =
        DocumentScope.open(DocumentFeatures.of(List.<String[]>of(SENTENCE)))) {
      assertThat(finder.find(SENTENCE)).isNotEmpty();
    }
    // A new array: OpenNLP caches a sentence's features by array identity.
    assertThatThrownBy(() -> finder.find(SENTENCE.clone()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldRefuseASecondScopeOnTheSameThread() {
    DocumentFeatures document = DocumentFeatures.of(List.<String[]>of(SENTENCE));
    try (DocumentScope scope = DocumentScope.open(document)) {
      assertThatThrownBy(() -> DocumentScope.open(document))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already open");
    }
  }

  @Test
  void shouldTagThroughTheExtractorWithoutAScopeOfItsOwn() {
    assertThat(new OpenNlpEntityExtractorFactory().create().extract("Sergei Lavrov arrived."))
        .isNotEmpty();
  }
}
