package io.wirestream.lab.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.nlp.ner.DocumentFeatures;
import io.wirestream.enrich.nlp.ner.DocumentScope;
import io.wirestream.enrich.nlp.ner.OpenNlpEntityExtractorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.model.Event;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderEventStream;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * The shipped model's features of a token are the same whether training computes them (events from
 * {@link DocumentSampleStream}) or tagging does (contexts inside a {@link DocumentScope}), for the
 * same document and the same previous outcomes: document features included.
 */
class TrainingTaggingFeaturesTest {

  private static NameSample sample(boolean documentStart, String sentence, Span... names) {
    return new NameSample(sentence.split(" "), names, documentStart);
  }

  /** Two documents; the second shares words with the first, so leaking features would show. */
  private static final List<NameSample> SAMPLES =
      List.of(
          sample(
              true,
              "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
              new Span(4, 5, "LOC"),
              new Span(9, 10, "LOC")),
          sample(
              false,
              "Japan beat Syria and coach Shu Kamo said Japan played well .",
              new Span(0, 1, "LOC"),
              new Span(2, 3, "LOC"),
              new Span(5, 7, "PER"),
              new Span(8, 9, "LOC")),
          sample(true, "Sergei Lavrov met Kamo in Moscow .", new Span(0, 2, "PER")),
          sample(false, "Lavrov said Japan would talk .", new Span(0, 1, "PER")));

  @Test
  void shouldGiveTrainingEventsAndTaggingContextsTheSameFeaturesForTheSameDocument()
      throws IOException {
    TokenNameFinderModel model;
    try (InputStream in =
        OpenNlpEntityExtractorFactory.class.getResourceAsStream(
            OpenNlpEntityExtractorFactory.DEFAULT_MODEL_RESOURCE)) {
      model = new TokenNameFinderModel(in);
    }
    SequenceCodec<String> codec = model.getFactory().createSequenceCodec();

    List<String[]> training = new ArrayList<>();
    try (ObjectStream<Event> events =
        new NameFinderEventStream(
            new DocumentSampleStream(SAMPLES),
            null,
            model.getFactory().createContextGenerator(),
            codec)) {
      for (Event event = events.read(); event != null; event = events.read()) {
        training.add(event.getContext());
      }
    }

    List<String[]> tagging = new ArrayList<>();
    NameContextGenerator contexts = model.getFactory().createContextGenerator();
    for (List<NameSample> document : ConllReader.documents(SAMPLES)) {
      List<String[]> sentences = document.stream().map(NameSample::getSentence).toList();
      contexts.clearAdaptiveData();
      try (DocumentScope scope = DocumentScope.open(DocumentFeatures.of(sentences))) {
        for (NameSample sample : document) {
          String[] tokens = sample.getSentence();
          String[] outcomes = codec.encode(sample.getNames(), tokens.length);
          for (int i = 0; i < tokens.length; i++) {
            tagging.add(contexts.getContext(i, tokens, outcomes, null));
          }
          contexts.updateAdaptiveData(tokens, outcomes);
        }
      }
    }

    assertThat(training).hasSameSizeAs(tagging).hasSize(37);
    for (int i = 0; i < training.size(); i++) {
      assertThat(training.get(i)).as("token %d", i).containsExactly(tagging.get(i));
    }
    assertThat(training.get(4)).anyMatch(f -> f.startsWith("s=soccer"));
    assertThat(training)
        .anyMatch(context -> List.of(context).stream().anyMatch(f -> f.contains("d:")));
  }
}
