package io.wirestream.cli.nlp;

import io.wirestream.cli.UsageException;
import io.wirestream.lab.ner.NerRecipe;
import io.wirestream.lab.ner.NerTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.TrainingParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Retrains the shipped name model by the fixed recipe in {@link NerRecipe}. */
@Command(
    name = "train-ner",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the named-entity model from the corpora folder by the project's fixed recipe",
      "(see docs/models.md). One training thread; the same corpora give the same model."
    })
public final class TrainNerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--corpora",
      paramLabel = "DIR",
      description =
          "Corpora folder (default: system property wirestream.corpora, else ../shared/corpora).")
  Path corpora;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      defaultValue = "target/ner-en.bin",
      description = "Where to write the model (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--params",
      paramLabel = "FILE",
      description = {
        "OpenNLP training parameters (key=value lines: Algorithm, Iterations, Cutoff, SequenceCodec",
        "BIO or BILOU, GaussianSmoothing, GaussianSmoothingSigma, ...) instead of the recipe's",
        "(GIS, 100 iterations, cutoff 2, BILOU, Gaussian prior sigma 2); for experiments."
      })
  Path params;

  @Option(
      names = "--build-resources",
      paramLabel = "DIR",
      description = {
        "Instead of training, rebuild the gazetteer and word clusters the features read into DIR",
        "(copy them to enrich/src/main/resources/io/wirestream/enrich/nlp/ner/, rebuild, then train)."
      })
  Path resourcesOut;

  private static NerTrainer trainer(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      return new NerTrainer(
          new TrainingParameters(in),
          NerTrainer.loadResource(NerTrainer.FEATURES_RESOURCE),
          java.util.Map.of());
    } catch (java.io.IOException e) {
      throw new UsageException("cannot read training parameters " + file + ": " + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    Path dir =
        corpora != null
            ? corpora
            : Path.of(System.getProperty("wirestream.corpora", "../shared/corpora"));
    if (!Files.isDirectory(dir)) {
      throw new UsageException("corpora folder " + dir + " not found (use --corpora)");
    }
    if (resourcesOut != null) {
      long started = System.nanoTime();
      NerRecipe.buildResources(dir, resourcesOut);
      spec.commandLine()
          .getOut()
          .printf(
              "wrote gazetteer.txt and word-clusters.txt to %s in %.0f s%n",
              resourcesOut, (System.nanoTime() - started) / 1e9);
      return 0;
    }
    for (String file : NerRecipe.TRAINING_FILES) {
      if (!Files.isRegularFile(dir.resolve(file))) {
        throw new UsageException("training file " + dir.resolve(file) + " not found");
      }
    }
    long started = System.nanoTime();
    TokenNameFinderModel model =
        params == null ? NerRecipe.train(dir) : NerRecipe.train(dir, trainer(params));
    NerTrainer.write(model, out);
    spec.commandLine()
        .getOut()
        .printf("wrote %s in %.0f s%n", out, (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
