package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.lab.ner.NerTrainer;
import io.wirestream.lab.ner.TinyCorpus;
import java.io.IOException;
import java.io.InputStream;
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

  /** A wire story with a desk slug, so the shipped model's document features all fire. */
  private static final List<String> STORY =
      List.of(
          "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
          "Nadim Ladki AL-AIN , United Arab Emirates 1996-12-06",
          "Japan began the defence of their Asian Cup title with a lucky 2-1 win against Syria .",
          "China saw their luck desert them in the second match of the group , crashing to a"
              + " surprise 2-0 defeat to newcomers Uzbekistan .",
          "Coach Shu Kamo said : ' Japan played well against Syria . '",
          "Lavrov met Sergei Lavrov 's deputy in Moscow while Mr Lavrov was in Geneva .");

  private static void assertSameAsNameFinderMe(TokenNameFinderModel model) {
    assertSameAsNameFinderMe(model, DOCUMENT);
  }

  private static void assertSameAsNameFinderMe(TokenNameFinderModel model, List<String> document) {
    NameFinderME reference = new NameFinderME(model);
    FastNameFinder fast = new FastNameFinder(model);
    List<String[]> sentences = document.stream().map(s -> s.split(" ")).toList();
    for (int pass = 0; pass < 2; pass++) {
      try (DocumentScope scope = DocumentScope.open(DocumentFeatures.of(sentences))) {
        for (String[] tokens : sentences) {
          Span[] expected = reference.find(tokens);
          Span[] actual = fast.find(tokens);

          String sentence = String.join(" ", tokens);
          assertThat(actual).as(sentence).containsExactly(expected);
          for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].getProb()).as(sentence).isEqualTo(expected[i].getProb());
          }
        }
      }
      reference.clearAdaptiveData();
      fast.clearAdaptiveData();
    }
  }

  @Test
  void shouldFindTheSameNamesWithTheSameProbabilitiesAsNameFinderMeWithTheShippedModel()
      throws IOException {
    TokenNameFinderModel shipped;
    try (InputStream in =
        OpenNlpEntityExtractorFactory.class.getResourceAsStream(
            OpenNlpEntityExtractorFactory.DEFAULT_MODEL_RESOURCE)) {
      shipped = new TokenNameFinderModel(in);
    }
    NameFinderME probe = new NameFinderME(shipped);
    String[] tokens = STORY.get(2).split(" ");
    try (DocumentScope scope = DocumentScope.open(DocumentFeatures.of(List.<String[]>of(tokens)))) {
      assertThat(probe.find(tokens)).isNotEmpty();
    }

    assertSameAsNameFinderMe(shipped, STORY);
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
