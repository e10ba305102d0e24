package io.wirestream.enrich.nlp;

import io.wirestream.common.model.TemporalExpression;
import java.time.LocalDate;
import java.util.List;

/**
 * Finds temporal expressions and normalises them, TIMEX3 style, against the date a document was
 * written ("last week" in an article of 2017-04-12 → 2017-W14).
 *
 * <p>Implementations are thread-safe.
 */
public interface TemporalTagger {

  /** Expressions in text order, with offsets into {@code text}. */
  List<TemporalExpression> tag(String text, LocalDate documentDate);

  /** Name and version, recorded in each enriched record. */
  String name();
}
