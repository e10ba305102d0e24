package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordClusterFeatureGeneratorTest {

  private static WordClusters clusters() throws IOException {
    return WordClusters.parse(
        new BufferedReader(new StringReader("# test\nmet\t1\t10\nlavrov\t2\t20\nin\t3\t30\n")));
  }

  @Test
  void shouldEmitClustersOfTheNeighboursAtEveryGranularityLookingUpLowercase() throws IOException {
    WordClusterFeatureGenerator generator = new WordClusterFeatureGenerator(clusters());
    List<String> features = new ArrayList<>();

    generator.createFeatures(features, "Kerry met Lavrov in".split(" "), 2, new String[2]);

    assertThat(features).containsExactly("wc0=2", "wc1=20", "pc0=1", "pc1=10", "nc0=3", "nc1=30");
  }

  @Test
  void shouldMarkUnknownWordsAndAddWiderWindowsAndPairsOnRequest() throws IOException {
    WordClusterFeatureGenerator generator = new WordClusterFeatureGenerator(clusters(), 2, true);
    List<String> features = new ArrayList<>();

    generator.createFeatures(features, "Kerry met Lavrov".split(" "), 0, new String[0]);

    assertThat(features)
        .containsExactly(
            "wc=none", "nc0=1", "nc1=10", "n2c0=2", "n2c1=20", "pw=BOS,none", "wn=none,c1=10");
  }
}
