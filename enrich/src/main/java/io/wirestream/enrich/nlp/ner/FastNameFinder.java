package io.wirestream.enrich.nlp.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.BeamSearchContextGenerator;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * Decodes exactly as {@link NameFinderME} does (same beam search, features, validator and codec, so
 * the same names with the same probabilities), but scores a token's outcome-independent features
 * once instead of once per beam hypothesis.
 *
 * <p>In a maxent name finder only four of a token's features depend on the hypothesis (the previous
 * outcomes); the other fifty or more are the same for all of them. NameFinderME evaluates the whole
 * context for every hypothesis, so with beam 3 most of its time goes into looking up and adding the
 * same parameters three times. Here their sum is kept per token and each hypothesis adds only its
 * own four, in the same order as the maxent model sums them.
 *
 * <p>Needs a GIS maxent model (the shipped one); other models are decoded by a plain NameFinderME.
 * Not thread-safe, like NameFinderME: one per thread.
 */
final class FastNameFinder {

  private static final String MAXENT_ENTRY = "nameFinder.model";

  private final NameFinderME fallback;
  private final NameContextGenerator contexts;
  private final SequenceValidator<String> validator;
  private final SequenceCodec<String> codec;
  private final BeamSearch beam;
  private final Scorer scorer;

  FastNameFinder(TokenNameFinderModel model) {
    Object maxent = model.getArtifact(MAXENT_ENTRY);
    if (!(maxent instanceof AbstractModel m)
        || m.getModelType() != AbstractModel.ModelType.Maxent) {
      fallback = new NameFinderME(model);
      contexts = null;
      validator = null;
      codec = null;
      beam = null;
      scorer = null;
      return;
    }
    fallback = null;
    contexts = model.getFactory().createContextGenerator();
    codec = model.getFactory().createSequenceCodec();
    validator = codec.createSequenceValidator();
    scorer = new Scorer(m, contexts);
    String beamSize = model.getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER);
    beam =
        new BeamSearch(
            beamSize == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(beamSize), scorer);
  }

  /**
   * Tokens decoded in one beam search at most. OpenNLP's beam search copies each hypothesis's
   * outcomes at every token, so its time grows with the square of the sentence length; a run of
   * tokens without a sentence end (a table, a list, "a a a ...") is decoded in chunks of this
   * length instead, longer than any sentence of the NER corpora (docs/benchmarks.md), so no real
   * sentence is ever split.
   */
  static final int MAX_CHUNK_TOKENS = 256;

  /** How far back from a chunk's end a cut before a lowercase token is looked for. */
  private static final int CUT_SEARCH = MAX_CHUNK_TOKENS / 4;

  /** Names in {@code tokens}, token offsets; longer runs are decoded chunk by chunk. */
  Span[] find(String[] tokens) {
    if (tokens.length <= MAX_CHUNK_TOKENS) {
      return findChunk(tokens);
    }
    List<Span> found = new ArrayList<>();
    for (int from = 0; from < tokens.length; ) {
      int to = chunkEnd(tokens, from);
      for (Span name : findChunk(Arrays.copyOfRange(tokens, from, to))) {
        found.add(
            new Span(name.getStart() + from, name.getEnd() + from, name.getType(), name.getProb()));
      }
      from = to;
    }
    return found.toArray(Span[]::new);
  }

  /**
   * Where the chunk starting at {@code from} ends: before the last token near the length limit that
   * does not start with a capital, so a name is not cut in two; else at the limit.
   */
  static int chunkEnd(String[] tokens, int from) {
    int limit = from + MAX_CHUNK_TOKENS;
    if (limit >= tokens.length) {
      return tokens.length;
    }
    for (int cut = limit; cut > limit - CUT_SEARCH; cut--) {
      String next = tokens[cut];
      if (next.isEmpty() || !Character.isUpperCase(next.charAt(0))) {
        return cut;
      }
    }
    return limit;
  }

  private Span[] findChunk(String[] tokens) {
    if (fallback != null) {
      return fallback.find(tokens);
    }
    scorer.startSentence(tokens);
    Sequence best = beam.bestSequence(tokens, null, scorer, validator);
    if (best == null) {
      // No hypothesis had a finite score (a sum of feature weights overflowed): no names here,
      // rather than an exception that would stop the whole article.
      return new Span[0];
    }
    List<String> outcomes = best.getOutcomes();
    contexts.updateAdaptiveData(tokens, outcomes.toArray(String[]::new));
    Span[] spans = codec.decode(outcomes);
    double[] probs = best.getProbs();
    for (int s = 0; s < spans.length; s++) {
      double p = 0;
      for (int t = spans[s].getStart(); t < spans[s].getEnd(); t++) {
        p += probs[t];
      }
      spans[s] = new Span(spans[s], p / spans[s].length());
    }
    return spans;
  }

  void clearAdaptiveData() {
    if (fallback != null) {
      fallback.clearAdaptiveData();
    } else {
      contexts.clearAdaptiveData();
    }
  }

  /**
   * The beam search's context generator and model at once: it asks for a hypothesis's context and
   * then at once scores it, so the context step records which token is being scored and returns
   * only the hypothesis-dependent features, and the scoring step adds those to the token's cached
   * sum.
   */
  private static final class Scorer implements BeamSearchContextGenerator<String>, MaxentModel {

    private final AbstractModel model;
    private final NameContextGenerator contexts;
    private final Map<String, Context> parameters;
    private final int outcomes;
    private final double logPrior;
    private String[] tokens;
    private double[][] tokenSums;
    private int index;

    @SuppressWarnings("unchecked")
    Scorer(AbstractModel model, NameContextGenerator contexts) {
      this.model = model;
      this.contexts = contexts;
      Object[] data = model.getDataStructures();
      this.parameters = (Map<String, Context>) data[1];
      this.outcomes = model.getNumOutcomes();
      // GIS models carry a uniform prior: log(1/n) for every outcome before the features.
      this.logPrior = Math.log(1.0 / outcomes);
    }

    void startSentence(String[] tokens) {
      this.tokens = tokens;
      this.tokenSums = new double[tokens.length][];
    }

    @Override
    public String[] getContext(
        int index, String[] sequence, String[] priorDecisions, Object[] additionalContext) {
      this.index = index;
      String po = NameFinderME.OTHER;
      String ppo = NameFinderME.OTHER;
      if (index > 1) {
        ppo = priorDecisions[index - 2];
      }
      if (index > 0) {
        po = priorDecisions[index - 1];
      }
      String token = sequence[index];
      return new String[] {
        "po=" + po,
        "pow=" + po + "," + token,
        "powf=" + po + "," + FeatureGeneratorUtil.tokenFeature(token),
        "ppo=" + ppo
      };
    }

    private double[] tokenSum(int i) {
      double[] sum = tokenSums[i];
      if (sum == null) {
        sum = new double[outcomes];
        java.util.Arrays.fill(sum, logPrior);
        add(sum, contexts.getContext(i, tokens, null, null));
        tokenSums[i] = sum;
      }
      return sum;
    }

    private void add(double[] sum, String[] features) {
      for (String feature : features) {
        Context c = parameters.get(feature);
        if (c != null) {
          int[] ids = c.getOutcomes();
          double[] values = c.getParameters();
          for (int k = 0; k < ids.length; k++) {
            sum[ids[k]] += values[k];
          }
        }
      }
    }

    @Override
    public double[] eval(String[] hypothesisFeatures, double[] probs) {
      System.arraycopy(tokenSum(index), 0, probs, 0, outcomes);
      add(probs, hypothesisFeatures);
      double normal = 0;
      for (int o = 0; o < outcomes; o++) {
        probs[o] = StrictMath.exp(probs[o]);
        normal += probs[o];
      }
      for (int o = 0; o < outcomes; o++) {
        probs[o] /= normal;
      }
      return probs;
    }

    @Override
    public double[] eval(String[] context) {
      return eval(context, new double[outcomes]);
    }

    @Override
    public double[] eval(String[] context, float[] values) {
      throw new UnsupportedOperationException("real-valued features are not used by names");
    }

    @Override
    public String getBestOutcome(double[] probs) {
      return model.getBestOutcome(probs);
    }

    @Override
    public String getAllOutcomes(double[] probs) {
      return model.getAllOutcomes(probs);
    }

    @Override
    public String getOutcome(int i) {
      return model.getOutcome(i);
    }

    @Override
    public int getIndex(String outcome) {
      return model.getIndex(outcome);
    }

    @Override
    public int getNumOutcomes() {
      return outcomes;
    }
  }
}
