package io.wirestream.enrich.nlp.ner;

import java.util.Collections;
import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * Adds the {@link DocumentFeatures} of the current token, and with a window those of its
 * neighbours, read from the open {@link DocumentScope}; throws when none is open, since a model
 * trained with these features tags worse without them.
 */
public final class DocumentFeatureGenerator implements AdaptiveFeatureGenerator {

  private final int window;

  public DocumentFeatureGenerator(int window) {
    this.window = window;
  }

  @Override
  public void createFeatures(
      List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    DocumentFeatures document = DocumentScope.current("DocumentFeatureGenerator");
    Collections.addAll(features, document.of(tokens[index]));
    for (int d = 1; d <= window; d++) {
      if (index - d >= 0) {
        for (String f : document.of(tokens[index - d])) {
          features.add("p" + d + f);
        }
      }
      if (index + d < tokens.length) {
        for (String f : document.of(tokens[index + d])) {
          features.add("n" + d + f);
        }
      }
    }
  }
}
