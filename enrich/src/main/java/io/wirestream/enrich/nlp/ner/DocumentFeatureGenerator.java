package io.wirestream.enrich.nlp.ner;

import java.util.Collections;
import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * Adds the {@link DocumentFeatures} of the current token, and with a window those of its
 * neighbours, read from the document activated on this thread; adds nothing when no document is
 * active (a sentence tagged on its own).
 */
public final class DocumentFeatureGenerator implements AdaptiveFeatureGenerator {

  private final int window;

  public DocumentFeatureGenerator(int window) {
    this.window = window;
  }

  @Override
  public void createFeatures(
      List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    DocumentFeatures document = DocumentFeatures.current();
    if (document == null) {
      return;
    }
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
