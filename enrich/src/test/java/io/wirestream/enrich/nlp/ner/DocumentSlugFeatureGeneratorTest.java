package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DocumentSlugFeatureGeneratorTest {

  private final DocumentSlugFeatureGenerator generator;

  DocumentSlugFeatureGeneratorTest() throws IOException {
    generator =
        new DocumentSlugFeatureGenerator(
            WordClusters.parse(new BufferedReader(new StringReader("seattle\t7\t70\n"))));
  }

  private DocumentScope scope;

  @AfterEach
  void closeScope() {
    if (scope != null) {
      scope.close();
    }
  }

  private void open(List<String[]> document) {
    closeScope();
    scope = DocumentScope.open(DocumentFeatures.of(document));
  }

  private List<String> features(String[] sentence, int index) {
    List<String> features = new ArrayList<>();
    generator.createFeatures(features, sentence, index, new String[index]);
    return features;
  }

  @Test
  void shouldJoinTheSlugWithTheClusterAndShapeOfACapitalisedWord() {
    String[] sentence = "Texas 's lead over Seattle increased .".split(" ");
    open(List.of("BASEBALL - RANGERS WIN .".split(" "), sentence));

    assertThat(features(sentence, 4))
        .containsExactly("s=baseball,c0=7", "s=baseball,t=ic", "s=baseball,n=lc");
    assertThat(features(sentence, 0))
        .containsExactly("s=baseball,c=none", "s=baseball,t=ic", "s=baseball,n=other");
  }

  @Test
  void shouldFailLoudlyOutsideADocumentScope() {
    String[] sentence = "Texas 's lead over Seattle increased .".split(" ");

    assertThatThrownBy(() -> features(sentence, 4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no document scope is open");
  }

  @Test
  void shouldAddNothingForLowerCaseWordsOrStoriesWithoutASlug() {
    String[] sentence = "Texas 's lead over Seattle increased .".split(" ");

    open(List.of("BASEBALL - RANGERS WIN .".split(" "), sentence));
    assertThat(features(sentence, 2)).isEmpty();

    open(List.of("Rangers win .".split(" "), sentence));
    assertThat(features(sentence, 4)).isEmpty();
  }
}
