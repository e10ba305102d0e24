package io.wirestream.lab.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores of a set of pages: body shingle precision, recall and F1; title exact match; mean author
 * F1; date accuracy, as the same instant and as the same day, over pages whose gold has a date.
 */
public record ExtractionReport(
    String name,
    ShingleMatch.Score body,
    double titleExact,
    double authorF1,
    double dateExact,
    double dateDay) {

  public static ExtractionReport of(String name, List<PageScore> scores) {
    List<ShingleMatch> bodies = new ArrayList<>();
    int titles = 0;
    double authors = 0;
    int dated = 0;
    int exact = 0;
    int day = 0;
    for (PageScore s : scores) {
      bodies.add(s.body());
      titles += s.titleExact() ? 1 : 0;
      authors += s.authorF1();
      if (s.hasDate()) {
        dated++;
        exact += s.dateExact() ? 1 : 0;
        day += s.dateDay() ? 1 : 0;
      }
    }
    int n = Math.max(1, scores.size());
    return new ExtractionReport(
        name,
        ShingleMatch.Score.of(bodies),
        (double) titles / n,
        authors / n,
        dated == 0 ? 0 : (double) exact / dated,
        dated == 0 ? 0 : (double) day / dated);
  }

  static String header() {
    return String.format(
        Locale.ROOT,
        "%-22s %5s  %-6s %-6s %-6s  %-6s %-7s %-6s %-6s%n",
        "pages",
        "n",
        "body P",
        "R",
        "F1",
        "title",
        "authors",
        "date",
        "day");
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "%-22s %5d  %.3f  %.3f  %.3f   %.3f  %.3f   %.3f  %.3f%n",
        name,
        body.pages(),
        body.precision(),
        body.recall(),
        body.f1(),
        titleExact,
        authorF1,
        dateExact,
        dateDay);
  }
}
