package io.wirestream.lab.ner;

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

  /**
   * Training files, relative to the corpora folder: CoNLL-2003 train, plus Wikipedia-text corpora
   * with the same four types (Re-DocRED dev half, WikiGold), which leave CoNLL dev F1 unchanged but
   * raise it on web and Wikinews text (UNER EWT, GUM) by 3 to 7 points. The Re-DocRED test half is
   * left out: no gain on CoNLL dev, and training would exceed 15 minutes.
   */
  public static final List<String> TRAINING_FILES =
      List.of(
          "ner/conll2003/train.txt", "ner/redocred/dev.conll", "ner/wikigold/wikigold.conll.txt");

  /** Unlabeled text the word clusters are computed from, relative to the corpora folder. */
  public static final List<String> CLUSTER_TEXT =
      List.of(
          "unlabeled/reuters21578.txt", "unlabeled/wikinews_en.txt",
          "unlabeled/bbc_news_2004_2005.txt", "unlabeled/wikipedia_en.txt");

  /** Cluster granularities, vocabulary (most frequent words), contexts per side, seed. */
  static final int[] CLUSTER_KS = {64, 256, 1024};

  static final int CLUSTER_VOCABULARY = 50_000;
  static final int CLUSTER_CONTEXTS = 600;
  static final long CLUSTER_SEED = 42;

  private NerRecipe() {}

  /**
   * Rebuilds the resources the features read ({@code gazetteer.txt}, {@code word-clusters.txt})
   * into {@code dir}; copy them to enrich/src/main/resources/io/wirestream/enrich/nlp/ner/ before
   * retraining. Takes a few minutes (clustering 18M words).
   */
  public static void buildResources(Path corpora, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    GazetteerBuilder.build(corpora, dir.resolve("gazetteer.txt"));
    List<Path> text = new ArrayList<>();
    for (String file : CLUSTER_TEXT) {
      text.add(corpora.resolve(file));
    }
    WordClusterBuilder builder =
        new WordClusterBuilder(CLUSTER_VOCABULARY, CLUSTER_CONTEXTS, CLUSTER_SEED);
    WordClusterBuilder.write(
        builder.build(text, CLUSTER_KS),
        "Word clusters (spherical k-means on PPMI context vectors, WordClusterBuilder, seed "
            + CLUSTER_SEED
            + ") of the "
            + CLUSTER_VOCABULARY
            + " most frequent lowercased words"
            + " of "
            + String.join(", ", CLUSTER_TEXT)
            + ". Derived from research-use text"
            + " (Reuters-21578, BBC News): research use only.",
        dir.resolve("word-clusters.txt"));
  }

  public static TokenNameFinderModel train(Path corpora) {
    return train(corpora, NerTrainer.standard());
  }

  /** Trains on the recipe's files with another trainer (other parameters, for experiments). */
  public static TokenNameFinderModel train(Path corpora, NerTrainer trainer) {
    List<opennlp.tools.namefind.NameSample> samples = new ArrayList<>();
    for (String file : TRAINING_FILES) {
      Path path = corpora.resolve(file);
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("training file " + path + " not found");
      }
      samples.addAll(ConllReader.read(path));
    }
    return trainer.train(samples);
  }
}
