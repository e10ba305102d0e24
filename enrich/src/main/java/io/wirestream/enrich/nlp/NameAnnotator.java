package io.wirestream.enrich.nlp;

import io.wirestream.common.model.Sentence;
import io.wirestream.enrich.nlp.ner.EntityGrouper;

/**
 * Splits sentences and tokens, finds names, and groups the mentions into canonical entities
 * ("Sergei Lavrov" ... "Lavrov"). Splitting happens inside the extractor, since the name model was
 * trained on its tokens.
 */
public final class NameAnnotator implements Annotator {

  private final EntityExtractorFactory extractors;
  private final boolean tokens;

  /** Records sentences without their tokens. */
  public NameAnnotator(EntityExtractorFactory extractors) {
    this(extractors, false);
  }

  /**
   * @param tokens whether sentences keep their tokens ({@code enrich.tokens})
   */
  public NameAnnotator(EntityExtractorFactory extractors, boolean tokens) {
    this.extractors = extractors;
    this.tokens = tokens;
  }

  @Override
  public String name() {
    return "ner";
  }

  @Override
  public String model() {
    return extractors.modelName();
  }

  @Override
  public Worker worker() {
    EntityExtractor extractor = extractors.create();
    EntityGrouper grouper = new EntityGrouper();
    return document -> {
      EntityExtractor.Analysis analysis = extractor.analyse(document.text());
      EntityGrouper.Grouping grouping = grouper.group(analysis.mentions());
      document.sentences(
          tokens
              ? analysis.sentences()
              : analysis.sentences().stream().map(Sentence::withoutTokens).toList());
      document.names(grouping.mentions(), grouping.entities());
      document.tokenCount(analysis.sentences().stream().mapToInt(s -> s.tokens().size()).sum());
    };
  }
}
