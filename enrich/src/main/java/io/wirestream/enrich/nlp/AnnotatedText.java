package io.wirestream.enrich.nlp;

import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.Sentence;
import io.wirestream.common.model.TemporalExpression;
import java.time.LocalDate;
import java.util.List;

/**
 * The text of one document as it passes through the annotators, with what they found so far.
 * Offsets are UTF-16 offsets into {@link #text}. Used by one thread.
 */
public final class AnnotatedText {

  private final String text;
  private final LocalDate documentDate;
  private List<Entity> mentions = List.of();
  private List<CanonicalEntity> entities = List.of();
  private List<TemporalExpression> dates = List.of();
  private List<Sentence> sentences = List.of();
  private int tokenCount;

  public AnnotatedText(String text, LocalDate documentDate) {
    this.text = text;
    this.documentDate = documentDate;
  }

  public String text() {
    return text;
  }

  /** The date the document was written, against which relative dates are resolved. */
  public LocalDate documentDate() {
    return documentDate;
  }

  public List<Entity> mentions() {
    return mentions;
  }

  public List<CanonicalEntity> entities() {
    return entities;
  }

  public List<TemporalExpression> dates() {
    return dates;
  }

  /** Sets the name mentions and the canonical entities they are grouped into. */
  public void names(List<Entity> mentions, List<CanonicalEntity> entities) {
    this.mentions = List.copyOf(mentions);
    this.entities = List.copyOf(entities);
  }

  public List<Sentence> sentences() {
    return sentences;
  }

  public void sentences(List<Sentence> sentences) {
    this.sentences = List.copyOf(sentences);
  }

  /** Tokens the analysis read, whether or not the record keeps them. */
  public int tokenCount() {
    return tokenCount;
  }

  public void tokenCount(int count) {
    this.tokenCount = count;
  }

  public void dates(List<TemporalExpression> dates) {
    this.dates = List.copyOf(dates);
  }
}
