package io.wirestream.enrich.nlp.ner;

import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * The token classes (shape: initial capital, all capitals, digits, ...) of the previous, current
 * and next token as one feature, and of each adjacent pair: "ic_ic_lc" is a two-word name before a
 * verb whatever the words are, which single-position class features cannot express in a maxent
 * model.
 */
public final class ClassSequenceFeatureGenerator implements AdaptiveFeatureGenerator {

  private final boolean wide;
  private String[] lastTokens;
  private String[] lastClasses;

  public ClassSequenceFeatureGenerator() {
    this(false);
  }

  /**
   * @param wide also the classes of two tokens each side, and the lowercased neighbour words joined
   *     with the current class
   */
  public ClassSequenceFeatureGenerator(boolean wide) {
    this.wide = wide;
  }

  @Override
  public void createFeatures(
      List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    if (tokens != lastTokens) {
      lastClasses = new String[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        lastClasses[i] = FeatureGeneratorUtil.tokenFeature(tokens[i]);
      }
      lastTokens = tokens;
    }
    String previous = index > 0 ? lastClasses[index - 1] : "BOS";
    String current = lastClasses[index];
    String next = index + 1 < tokens.length ? lastClasses[index + 1] : "EOS";
    features.add("cs=" + previous + "_" + current + "_" + next);
    features.add("cs<=" + previous + "_" + current);
    features.add("cs>=" + current + "_" + next);
    if (wide) {
      String previous2 = index > 1 ? lastClasses[index - 2] : "BOS";
      String next2 = index + 2 < tokens.length ? lastClasses[index + 2] : "EOS";
      features.add("cs5=" + previous2 + "_" + previous + "_" + current + "_" + next + "_" + next2);
      String before = index > 0 ? tokens[index - 1].toLowerCase(java.util.Locale.ROOT) : "BOS";
      String after =
          index + 1 < tokens.length ? tokens[index + 1].toLowerCase(java.util.Locale.ROOT) : "EOS";
      features.add("wcs<=" + before + "_" + current);
      features.add("wcs>=" + current + "_" + after);
    }
  }
}
