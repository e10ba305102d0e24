package io.wirestream.lab.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.nlp.ner.DocumentFeatures;
import io.wirestream.enrich.nlp.ner.DocumentScope;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerTrainerTest {

  @Test
  void shouldLearnNamesFromTemplateSentences() {
    NameFinderME finder = new NameFinderME(TinyCorpus.model());

    String[] tokens = "Kofi Annan said in Oslo that Fiat would grow .".split(" ");
    Span[] names;
    try (DocumentScope scope = DocumentScope.open(DocumentFeatures.of(List.<String[]>of(tokens)))) {
      names = finder.find(tokens);
    }

    assertThat(names)
        .containsExactly(new Span(0, 2, "PER"), new Span(4, 5, "LOC"), new Span(6, 7, "ORG"));
  }

  @Test
  void shouldTrainTheSameModelTwiceFromTheSameSamples() {
    NameFinderME first = new NameFinderME(new NerTrainer(30, 1).train(TinyCorpus.samples()));
    NameFinderME second = new NameFinderME(new NerTrainer(30, 1).train(TinyCorpus.samples()));

    for (String sentence :
        new String[] {
          "Oslo said in Fiat that Kofi Annan would grow .",
          "Reuters opened an office in Berlin , said Ivan Petrov ."
        }) {
      String[] tokens = sentence.split(" ");
      try (DocumentScope scope =
          DocumentScope.open(DocumentFeatures.of(List.<String[]>of(tokens)))) {
        assertThat(second.find(tokens)).containsExactly(first.find(tokens));
        assertThat(second.probs()).containsExactly(first.probs());
      }
    }
  }

  @Test
  void shouldShrinkTheWeightsWithTheGaussianPrior() {
    byte[] features = NerTrainer.loadResource(NerTrainer.FEATURES_RESOURCE);
    TokenNameFinderModel withPrior =
        new NerTrainer(NerTrainer.gis(30, 1), features, Map.of()).train(TinyCorpus.samples());
    TokenNameFinderModel withoutPrior =
        new NerTrainer(NerTrainer.gis(30, 1, "BILOU"), features, Map.of())
            .train(TinyCorpus.samples());

    // Without a prior, GIS pushes the weights of the templates' perfectly predictive cues up for
    // as long as it iterates; the prior pulls every weight toward zero.
    // (GIS is deterministic: without the prior both norms would be equal.)
    assertThat(squaredNorm(withPrior)).isLessThan(squaredNorm(withoutPrior));
  }

  private static double squaredNorm(TokenNameFinderModel model) {
    AbstractModel maxent = (AbstractModel) model.getArtifact("nameFinder.model");
    double sum = 0;
    for (Context context : (Context[]) maxent.getDataStructures()[0]) {
      for (double weight : context.getParameters()) {
        sum += weight * weight;
      }
    }
    return sum;
  }

  @Test
  void shouldWriteAModelTheFactoryCanLoad(@TempDir Path dir) {
    Path file = dir.resolve("tiny.bin");
    NerTrainer.write(TinyCorpus.model(), file);

    OpenNlpEntityExtractorFactory factory = new OpenNlpEntityExtractorFactory(file);

    assertThat(factory.modelName()).matches("tiny@[0-9a-f]{12}");
    assertThat(factory.create().extract("Maria Lopez said in Lima that Oxfam would grow."))
        .extracting(e -> e.text())
        .containsExactly("Maria Lopez", "Lima", "Oxfam");
  }
}
