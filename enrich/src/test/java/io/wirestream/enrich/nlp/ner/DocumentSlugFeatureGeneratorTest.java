package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

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

  @AfterEach
  void deactivate() {
    DocumentFeatures.deactivate();
  }

  private List<String> features(String[] sentence, int index) {
    List<String> features = new ArrayList<>();
    generator.createFeatures(features, sentence, index, new String[index]);
    return features;
  }

  @Test
  void shouldJoinTheSlugWithTheClusterAndShapeOfACapitalisedWord() {
    String[] sentence = "Texas 's lead over Seattle increased .".split(" ");
    DocumentFeatures.of(List.of("BASEBALL - RANGERS WIN .".split(" "), sentence)).activate();

    assertThat(features(sentence, 4))
        .containsExactly("s=baseball,c0=7", "s=baseball,t=ic", "s=baseball,n=lc");
    assertThat(features(sentence, 0))
        .containsExactly("s=baseball,c=none", "s=baseball,t=ic", "s=baseball,n=other");
  }

  @Test
  void shouldAddNothingForLowerCaseWordsStoriesWithoutASlugOrNoDocument() {
    String[] sentence = "Texas 's lead over Seattle increased .".split(" ");
    assertThat(features(sentence, 4)).isEmpty();

    DocumentFeatures.of(List.of("BASEBALL - RANGERS WIN .".split(" "), sentence)).activate();
    assertThat(features(sentence, 2)).isEmpty();

    DocumentFeatures.of(List.of("Rangers win .".split(" "), sentence)).activate();
    assertThat(features(sentence, 4)).isEmpty();
  }
}
