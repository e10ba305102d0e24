package io.wirestream.enrich.nlp.ner;

import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * Features from {@link Gazetteer} matches of the current and neighbouring tokens: which lists a
 * token begins or continues a match in. Matches are computed once per sentence.
 *
 * <p>Not thread-safe (caches the last sentence), like every OpenNLP feature generator; each
 * NameFinderME builds its own.
 */
public final class GazetteerFeatureGenerator implements AdaptiveFeatureGenerator {

  private final Gazetteer gazetteer;
  private String[] lastTokens;
  private int[][] lastHits;

  public GazetteerFeatureGenerator(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  @Override
  public void createFeatures(
      List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    if (tokens != lastTokens) {
      lastHits = gazetteer.match(tokens);
      lastTokens = tokens;
    }
    add(features, "gz", lastHits[index]);
    if (index > 0) {
      add(features, "gzp", lastHits[index - 1]);
    }
    if (index + 1 < tokens.length) {
      add(features, "gzn", lastHits[index + 1]);
    }
  }

  private static void add(List<String> features, String prefix, int[] hit) {
    for (int bit = 0; bit < Gazetteer.LISTS.size(); bit++) {
      if ((hit[0] & (1 << bit)) != 0) {
        features.add(prefix + "=B-" + Gazetteer.LISTS.get(bit));
      }
      if ((hit[1] & (1 << bit)) != 0) {
        features.add(prefix + "=I-" + Gazetteer.LISTS.get(bit));
      }
    }
  }
}
