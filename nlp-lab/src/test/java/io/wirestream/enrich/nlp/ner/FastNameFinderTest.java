package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.lab.ner.NerTrainer;
import io.wirestream.lab.ner.TinyCorpus;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class FastNameFinderTest {

  private static final List<String> DOCUMENT =
      List.of(
          "Kofi Annan said in Oslo that Fiat would grow .",
          "Annan opened an office in Lima , said Maria Lopez .",
          "Oslo said in Fiat that Kofi Annan would grow .",
          "Nobody said anything .",
          "Reuters opened an office in Berlin , said Ivan Petrov and John Smith .");

  private static void assertSameAsNameFinderMe(TokenNameFinderModel model) {
    NameFinderME reference = new NameFinderME(model);
    FastNameFinder fast = new FastNameFinder(model);
    for (int pass = 0; pass < 2; pass++) {
      for (String sentence : DOCUMENT) {
        String[] tokens = sentence.split(" ");
        Span[] expected = reference.find(tokens);
        Span[] actual = fast.find(tokens);

        assertThat(actual).as(sentence).containsExactly(expected);
        for (int i = 0; i < expected.length; i++) {
          assertThat(actual[i].getProb()).as(sentence).isEqualTo(expected[i].getProb());
        }
      }
      reference.clearAdaptiveData();
      fast.clearAdaptiveData();
    }
  }

  @Test
  void shouldFindTheSameNamesWithTheSameProbabilitiesAsNameFinderMe() {
    assertSameAsNameFinderMe(TinyCorpus.model());
  }

  @Test
  void shouldMatchNameFinderMeWithBioTags() {
    assertSameAsNameFinderMe(
        new NerTrainer(
                NerTrainer.gis(30, 1, "BIO"),
                NerTrainer.loadResource(NerTrainer.FEATURES_RESOURCE),
                java.util.Map.of())
            .train(TinyCorpus.samples()));
  }
}
