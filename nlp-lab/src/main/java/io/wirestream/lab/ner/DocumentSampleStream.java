package io.wirestream.lab.ner;

import io.wirestream.enrich.nlp.ner.DocumentFeatures;
import io.wirestream.enrich.nlp.ner.DocumentScope;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.ObjectStream;

/**
 * Training samples that open their document's {@link DocumentScope} as they are read. OpenNLP's
 * event stream computes a sample's features right after reading it, on the same thread, so training
 * sees the same document features as tagging does.
 */
final class DocumentSampleStream implements ObjectStream<NameSample> {

  private final List<NameSample> samples = new ArrayList<>();
  private final List<DocumentFeatures> documents = new ArrayList<>();
  private int next;
  private DocumentScope scope;
  private DocumentFeatures open;

  DocumentSampleStream(List<NameSample> samples) {
    for (List<NameSample> document : ConllReader.documents(samples)) {
      List<String[]> sentences = new ArrayList<>(document.size());
      for (NameSample sample : document) {
        sentences.add(sample.getSentence());
      }
      DocumentFeatures features = DocumentFeatures.of(sentences);
      for (NameSample sample : document) {
        this.samples.add(sample);
        this.documents.add(features);
      }
    }
  }

  @Override
  public NameSample read() {
    if (next == samples.size()) {
      close();
      return null;
    }
    DocumentFeatures document = documents.get(next);
    if (document != open) {
      close();
      scope = DocumentScope.open(document);
      open = document;
    }
    return samples.get(next++);
  }

  @Override
  public void reset() {
    next = 0;
  }

  @Override
  public void close() {
    if (scope != null) {
      scope.close();
      scope = null;
      open = null;
    }
  }
}
