package io.wirestream.enrich.nlp;

import io.wirestream.common.model.Entity;
import java.util.List;

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
}
