package io.wirestream.enrich.nlp.ner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * How the shipped model is built from the corpora folder ({@code ../shared/corpora}): which files,
 * in which order, with which trainer settings. {@code wirestream train-ner} runs this; change it
 * only together with the model card in docs/models.md.
 */
public final class NerRecipe {

  /** Training files, relative to the corpora folder. */
  public static final List<String> TRAINING_FILES = List.of("ner/conll2003/train.txt");

  private NerRecipe() {}

  public static TokenNameFinderModel train(Path corpora) {
    List<opennlp.tools.namefind.NameSample> samples = new ArrayList<>();
    for (String file : TRAINING_FILES) {
      Path path = corpora.resolve(file);
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("training file " + path + " not found");
      }
      samples.addAll(ConllReader.read(path));
    }
    return NerTrainer.standard().train(samples);
  }
}
