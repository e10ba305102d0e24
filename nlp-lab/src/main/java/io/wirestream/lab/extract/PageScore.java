package io.wirestream.lab.extract;

import io.wirestream.ingest.page.ExtractedPage;
import io.wirestream.ingest.page.PublicationDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How one extracted page compares with its gold.
 *
 * @param body the word-shingle match of the body
 * @param titleExact the title equals the gold's, whitespace collapsed
 * @param authorF1 F1 of the author names as sets (case and whitespace ignored); 1 when both are
 *     empty
 * @param dateExact the instant equals the gold's, to the second (a day-only date never does)
 * @param dateDay the day equals the gold's day in the gold's own offset
 * @param hasDate the gold states a date
 */
public record PageScore(
    ShingleMatch body,
    boolean titleExact,
    double authorF1,
    boolean dateExact,
    boolean dateDay,
    boolean hasDate) {

  public static PageScore of(ExtractionGold gold, ExtractedPage page) {
    return new PageScore(
        ShingleMatch.of(gold.body(), page.body()),
        squeeze(gold.title()).equals(squeeze(page.title())),
        authorF1(gold.authors(), page.authors()),
        gold.published().isPresent()
            && page.published()
                .flatMap(PublicationDate::dateTime)
                .map(d -> sameSecond(d, gold.published().get()))
                .orElse(false),
        gold.published().isPresent()
            && page.published()
                .map(d -> d.day().equals(gold.published().get().toLocalDate()))
                .orElse(false),
        gold.published().isPresent());
  }

  private static boolean sameSecond(OffsetDateTime a, OffsetDateTime b) {
    return a.toInstant()
        .truncatedTo(ChronoUnit.SECONDS)
        .equals(b.toInstant().truncatedTo(ChronoUnit.SECONDS));
  }

  static double authorF1(List<String> gold, List<String> system) {
    Set<String> g = names(gold);
    Set<String> s = names(system);
    if (g.isEmpty() && s.isEmpty()) {
      return 1;
    }
    if (g.isEmpty() || s.isEmpty()) {
      return 0;
    }
    Set<String> both = new HashSet<>(g);
    both.retainAll(s);
    double precision = (double) both.size() / s.size();
    double recall = (double) both.size() / g.size();
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  private static Set<String> names(List<String> names) {
    Set<String> out = new HashSet<>();
    for (String name : names) {
      String n = squeeze(name).toLowerCase(Locale.ROOT);
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }

  private static String squeeze(String text) {
    return text == null ? "" : text.replaceAll("[\\s\\u00A0]+", " ").strip();
  }
}
