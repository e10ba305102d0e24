package io.wirestream.enrich.nlp;

/**
 * One step of the {@link NlpPipeline}: sentence and token splitting with names, dates, and steps to
 * come. An annotator is built once and shared; it holds the models, and hands each stream thread a
 * {@link Worker} of its own, since workers may keep per-document state.
 */
public interface Annotator {

  /** What it adds, the key under which its model is recorded ("ner", "timex"). */
  String name();

  /** Name and version of its model, recorded in each enriched record. */
  String model();

  /** A worker for one thread. */
  Worker worker();

  /** Annotates one document at a time; not thread-safe. */
  interface Worker {

    /** Adds this step's annotations to {@code document}; may read those of earlier steps. */
    void annotate(AnnotatedText document);
  }
}
