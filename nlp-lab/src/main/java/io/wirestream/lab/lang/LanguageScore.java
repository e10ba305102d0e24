package io.wirestream.lab.lang;

import io.wirestream.enrich.nlp.lang.Languages;

/**
 * How a detector did on one kind of text of the web corpus.
 *
 * @param pages pages scored
 * @param correct pages whose language was named right (Norwegian {@code no}/{@code nb} alike)
 * @param englishErrors pages routed the wrong way: English called something else, or the reverse
 * @param unknown pages the detector would not name
 * @param nanos time the detector took over all pages, after a warm-up pass
 */
public record LanguageScore(int pages, int correct, int englishErrors, int unknown, long nanos) {

  public double accuracy() {
    return pages == 0 ? 0 : (double) correct / pages;
  }

  public double routingAccuracy() {
    return pages == 0 ? 0 : 1 - (double) englishErrors / pages;
  }

  public double msPerPage() {
    return pages == 0 ? 0 : nanos / 1e6 / pages;
  }

  static boolean right(String gold, String detected) {
    return Languages.same(gold, detected);
  }

  static boolean misrouted(String gold, String detected) {
    return "en".equals(gold) != "en".equals(detected);
  }
}
