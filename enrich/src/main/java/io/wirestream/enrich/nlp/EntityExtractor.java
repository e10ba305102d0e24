package io.wirestream.enrich.nlp;

import io.wirestream.common.model.Entity;
import io.wirestream.common.model.Sentence;
import java.util.List;
import opennlp.tools.util.Span;

/**
 * Finds named entities in an article body.
 *
 * <p>Implementations may keep per-document state (OpenNLP's adaptive data) and so are not
 * thread-safe: create one per stream thread with an {@link EntityExtractorFactory}. Each call is
 * one document; state from an earlier call must not leak into the next.
 */
public interface EntityExtractor {

  /** Mentions in text order, with offsets into {@code text}. */
  List<Entity> extract(String text);

  /**
   * Mentions as {@link #extract} finds them, with the sentences it split the text into and their
   * tokens.
   */
  record Analysis(List<Entity> mentions, List<Sentence> sentences) {
    public Analysis {
      mentions = List.copyOf(mentions);
      sentences = List.copyOf(sentences);
    }
  }

  /** Mentions and sentences; an extractor that splits no sentences reports none. */
  default Analysis analyse(String text) {
    return new Analysis(extract(text), List.of());
  }

  /**
   * Names in the already tokenized sentences of one document, as token spans per sentence; what
   * scoring on a tokenized corpus needs. Extractors that only read raw text do not support it.
   *
   * @throws UnsupportedOperationException if this extractor tags raw text only
   */
  default List<Span[]> findNames(List<String[]> sentences) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " tags raw text only; score it on character spans");
  }
}
