package io.wirestream.lab.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.namefind.BilouCodec;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the maxent name finder. Everything that decides the model is fixed here (feature
 * descriptor, algorithm, iterations, cutoff, one thread), and GIS training has no random step, so
 * the same samples give the same model.
 */
public final class NerTrainer {

  /** Feature generator descriptor stored in every model this trainer builds. */
  public static final String FEATURES_RESOURCE = "/io/wirestream/enrich/nlp/ner/features.xml";

  /** Training parameter naming the tag scheme, BIO (default) or BILOU. */
  public static final String CODEC_PARAM = "SequenceCodec";

  private final TrainingParameters parameters;
  private final byte[] features;
  private final Map<String, Object> resources;

  /**
   * @param iterations GIS iterations
   * @param cutoff minimum count of a feature to be kept
   */
  public NerTrainer(int iterations, int cutoff) {
    this(iterations, cutoff, loadResource(FEATURES_RESOURCE), Map.of());
  }

  public NerTrainer(int iterations, int cutoff, byte[] features, Map<String, Object> resources) {
    this(gis(iterations, cutoff), features, resources);
  }

  public NerTrainer(TrainingParameters parameters, byte[] features, Map<String, Object> resources) {
    this.parameters = parameters;
    this.features = features.clone();
    this.resources = Map.copyOf(resources);
  }

  /** Standard deviation of the Gaussian prior on the weights of the shipped model. */
  public static final double PRIOR_SIGMA = 2.0;

  // GISTrainer reads these keys but keeps its constants for them private.
  static final String GAUSSIAN_PRIOR_PARAM = "GaussianSmoothing";
  static final String GAUSSIAN_SIGMA_PARAM = "GaussianSmoothingSigma";

  /** GIS maxent on one thread, BILOU tags, Gaussian prior with {@link #PRIOR_SIGMA}. */
  public static TrainingParameters gis(int iterations, int cutoff) {
    TrainingParameters params = gis(iterations, cutoff, "BILOU");
    params.put(GAUSSIAN_PRIOR_PARAM, true);
    params.put(GAUSSIAN_SIGMA_PARAM, PRIOR_SIGMA);
    return params;
  }

  /**
   * GIS maxent on one thread, without a prior.
   *
   * @param codec the tag scheme, BILOU or BIO
   */
  public static TrainingParameters gis(int iterations, int cutoff, String codec) {
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, GISTrainer.MAXENT_VALUE);
    params.put(TrainingParameters.TRAINER_TYPE_PARAM, EventTrainer.EVENT_VALUE);
    params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
    params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
    params.put(TrainingParameters.THREADS_PARAM, 1);
    params.put(CODEC_PARAM, codec);
    return params;
  }

  /**
   * The parameters the shipped model was trained with: 100 GIS iterations, cutoff 2, BILOU tags, a
   * Gaussian prior of sigma 2. Without the prior GIS fits the training data as closely as 100
   * iterations allow, and the weights of features seen a few times grow too large for text the
   * model has not seen (+0.35 F1 on CoNLL-2003 dev, +0.8 to +1.9 on the other-domain sets).
   */
  public static NerTrainer standard() {
    return new NerTrainer(100, 2);
  }

  public TokenNameFinderModel train(List<NameSample> samples) {
    try {
      TokenNameFinderFactory factory =
          new TokenNameFinderFactory(features, resources, codec(parameters));
      return NameFinderME.train("en", null, new DocumentSampleStream(samples), parameters, factory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The tag scheme: BIO unless the parameters say {@code SequenceCodec=BILOU}. BILOU's tags for the
   * last token and for one-token names give the model separate evidence for where a name ends and
   * for names of one word (+0.3 to +0.5 F1 on CoNLL-2003 dev).
   */
  private static SequenceCodec<String> codec(TrainingParameters parameters) {
    return "BILOU".equalsIgnoreCase(parameters.getStringParameter(CODEC_PARAM, "BIO"))
        ? new BilouCodec()
        : new BioCodec();
  }

  public static void write(TokenNameFinderModel model, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        model.serialize(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static byte[] loadResource(String name) {
    try (InputStream in = NerTrainer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
