package io.wirestream.enrich.nlp.ner;

import io.wirestream.enrich.nlp.EntityExtractorFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Loads the sentence, token and name models once and hands out extractors over them.
 *
 * <p>OpenNLP models are immutable after loading and safe to share between threads; the {@code *ME}
 * classes built on them are not (they keep beam and adaptive state), so every extractor gets its
 * own. The sentence and token models are the knowitall {@code en-sent.bin} and {@code en-token.bin}
 * at the classpath root; the name model is {@value #DEFAULT_MODEL_RESOURCE} unless a file is given.
 */
public final class OpenNlpEntityExtractorFactory implements EntityExtractorFactory {

  public static final String DEFAULT_MODEL_RESOURCE = "/io/wirestream/enrich/nlp/ner/ner-en.bin";

  private final NerModels models;
  private final String modelName;

  /** Uses the model shipped in the jar. */
  public OpenNlpEntityExtractorFactory() {
    this(readResource(DEFAULT_MODEL_RESOURCE), "ner-en");
  }

  /** Uses the name model in {@code modelFile}. */
  public OpenNlpEntityExtractorFactory(Path modelFile) {
    this(readFile(modelFile), baseName(modelFile));
  }

  /** Uses an already loaded name model (a freshly trained one, say). */
  public OpenNlpEntityExtractorFactory(TokenNameFinderModel nameModel, String name) {
    this.models = new NerModels(SharedModels.SENTENCES, SharedModels.TOKENS, nameModel);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      nameModel.serialize(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.modelName = name + "@" + digest(bytes.toByteArray());
  }

  private OpenNlpEntityExtractorFactory(byte[] nameModel, String name) {
    try {
      this.models =
          new NerModels(
              SharedModels.SENTENCES,
              SharedModels.TOKENS,
              new TokenNameFinderModel(new ByteArrayInputStream(nameModel)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load name model " + name, e);
    }
    this.modelName = name + "@" + digest(nameModel);
  }

  @Override
  public OpenNlpEntityExtractor create() {
    return new OpenNlpEntityExtractor(models);
  }

  @Override
  public String modelName() {
    return modelName;
  }

  /** The loaded models, shared by every extractor of this factory. */
  public record NerModels(
      SentenceModel sentences, TokenizerModel tokens, TokenNameFinderModel names) {}

  /** The sentence and token models do not depend on the name model: load them once per JVM. */
  private static final class SharedModels {
    static final SentenceModel SENTENCES;
    static final TokenizerModel TOKENS;

    static {
      try {
        SENTENCES = new SentenceModel(new ByteArrayInputStream(readResource("/en-sent.bin")));
        TOKENS = new TokenizerModel(new ByteArrayInputStream(readResource("/en-token.bin")));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load sentence/token models", e);
      }
    }
  }

  private static byte[] readResource(String name) {
    try (InputStream in = OpenNlpEntityExtractorFactory.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("model resource " + name + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static byte[] readFile(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read name model " + file, e);
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".bin") ? name.substring(0, name.length() - 4) : name;
  }

  /** Names the exact model in enriched records, so a retrained model is told apart. */
  private static String digest(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
