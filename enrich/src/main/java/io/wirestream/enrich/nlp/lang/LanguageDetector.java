package io.wirestream.enrich.nlp.lang;

/**
 * Names the language of a text. Implementations are thread-safe and expensive to build (their
 * models take tens of megabytes), so one instance serves every stream thread.
 */
public interface LanguageDetector {

  /** The most likely language of {@code text}, or {@link Detection#UNKNOWN}. */
  Detection detect(CharSequence text);

  /** Name and version of the model, as recorded in {@code enrichment.models}. */
  String model();
}
