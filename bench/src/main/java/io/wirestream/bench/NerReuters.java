package io.wirestream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractor;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reuters-21578 bodies for the NER benchmarks, read from the corpora folder (never shipped). */
final class NerReuters {

  /** Overrides the JSONL path; default {@code ../shared/corpora/news/reuters21578.jsonl}. */
  static final String PATH_PROPERTY = "wirestream.reuters";

  private NerReuters() {}

  /** An extractor over the shipped model, or over the model file at {@code model} if not empty. */
  static OpenNlpEntityExtractor extractor(String model) {
    return (model.isEmpty()
            ? new OpenNlpEntityExtractorFactory()
            : new OpenNlpEntityExtractorFactory(Path.of(model)))
        .create();
  }

  static List<String> bodies(int count) {
    Path path =
        Path.of(
            System.getProperty(
                PATH_PROPERTY,
                System.getProperty("wirestream.corpora", "../shared/corpora")
                    + "/news/reuters21578.jsonl"));
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          "Reuters JSONL not found at " + path + "; set -D" + PATH_PROPERTY + "=FILE");
    }
    ObjectMapper json = new ObjectMapper();
    List<String> bodies = new ArrayList<>(count);
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      while (bodies.size() < count && (line = in.readLine()) != null) {
        JsonNode body = json.readTree(line).get("body");
        if (body != null && !body.asText().isBlank()) {
          bodies.add(body.asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bodies;
  }
}
