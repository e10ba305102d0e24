package io.wirestream.enrich.nlp.ner;

/**
 * The document whose {@link DocumentFeatures} the name model's document-level feature generators
 * read, open for the sentences of that document and closed after them:
 *
 * <pre>{@code
 * try (DocumentScope scope = DocumentScope.open(DocumentFeatures.of(sentences))) {
 *   for (String[] sentence : sentences) finder.find(sentence);
 * }
 * }</pre>
 *
 * <p>OpenNLP hands a feature generator only the sentence's tokens, and builds the generators of a
 * training run inside {@code NameFinderME.train}, out of reach; so the open scope belongs to the
 * thread that opened it, the one that computes the features (OpenNLP computes a training sample's
 * features on the thread that reads it). A generator that needs the document and finds no scope
 * open throws: a model decoded with other features than it was trained on would tag worse without a
 * sign.
 */
public final class DocumentScope implements AutoCloseable {

  private static final ThreadLocal<DocumentScope> OPEN = new ThreadLocal<>();

  private final DocumentFeatures document;
  private boolean closed;

  private DocumentScope(DocumentFeatures document) {
    this.document = document;
  }

  /**
   * Opens {@code document} on this thread.
   *
   * @throws IllegalStateException if a scope is already open on this thread
   */
  public static DocumentScope open(DocumentFeatures document) {
    if (OPEN.get() != null) {
      throw new IllegalStateException("a document scope is already open on this thread");
    }
    DocumentScope scope = new DocumentScope(document);
    OPEN.set(scope);
    return scope;
  }

  /**
   * The document open on this thread, for the feature generators.
   *
   * @throws IllegalStateException if none is open
   */
  static DocumentFeatures current(String generator) {
    DocumentScope scope = OPEN.get();
    if (scope == null) {
      throw new IllegalStateException(
          generator
              + " needs the document a sentence belongs to, and no document scope is open: tag"
              + " with OpenNlpEntityExtractor, or open DocumentScope.open(DocumentFeatures.of("
              + "sentences)) around the sentences of one document");
    }
    return scope.document;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (OPEN.get() == this) {
        OPEN.remove();
      }
    }
  }
}
