package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassSequenceFeatureGeneratorTest {

  private static List<String> features(String sentence, int index) {
    return features(new ClassSequenceFeatureGenerator(), sentence, index);
  }

  private static List<String> features(
      ClassSequenceFeatureGenerator generator, String sentence, int index) {
    List<String> features = new ArrayList<>();
    generator.createFeatures(features, sentence.split(" "), index, null);
    return features;
  }

  @Test
  void shouldJoinTheClassesOfTheNeighbouringTokens() {
    assertThat(features("Sergei Lavrov said 1996", 1))
        .containsExactly("cs=ic_ic_lc", "cs<=ic_ic", "cs>=ic_lc");
  }

  @Test
  void shouldMarkSentenceBoundaries() {
    assertThat(features("Sergei Lavrov said 1996", 0)).contains("cs=BOS_ic_ic");
    assertThat(features("Sergei Lavrov said 1996", 3)).contains("cs=lc_4d_EOS");
  }

  @Test
  void shouldAddFiveTokenClassesAndNeighbourWordsWhenWide() {
    assertThat(features(new ClassSequenceFeatureGenerator(true), "Mr. Sergei Lavrov said 1996", 2))
        .containsExactly(
            "cs=ic_ic_lc",
            "cs<=ic_ic",
            "cs>=ic_lc",
            "cs5=ic_ic_ic_lc_4d",
            "wcs<=sergei_ic",
            "wcs>=ic_said");
  }
}
