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
    add(features, 0, lastHits[index]);
    if (index > 0) {
      add(features, 1, lastHits[index - 1]);
    }
    if (index + 1 < tokens.length) {
      add(features, 2, lastHits[index + 1]);
    }
  }

  /** Feature strings by position (current, previous, next), begin/inside, and list. */
  private static final String[][][] FEATURES = featureStrings();

  private static String[][][] featureStrings() {
    String[] prefixes = {"gz", "gzp", "gzn"};
    String[][][] strings = new String[prefixes.length][2][Gazetteer.LISTS.size()];
    for (int p = 0; p < prefixes.length; p++) {
      for (int bit = 0; bit < Gazetteer.LISTS.size(); bit++) {
        strings[p][0][bit] = prefixes[p] + "=B-" + Gazetteer.LISTS.get(bit);
        strings[p][1][bit] = prefixes[p] + "=I-" + Gazetteer.LISTS.get(bit);
      }
    }
    return strings;
  }

  private static void add(List<String> features, int position, int[] hit) {
    for (int bit = 0; bit < Gazetteer.LISTS.size(); bit++) {
      if ((hit[0] & (1 << bit)) != 0) {
        features.add(FEATURES[position][0][bit]);
      }
      if ((hit[1] & (1 << bit)) != 0) {
        features.add(FEATURES[position][1][bit]);
      }
    }
  }
}
