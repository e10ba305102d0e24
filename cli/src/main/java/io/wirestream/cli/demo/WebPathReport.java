package io.wirestream.cli.demo;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.ingest.IngestStats;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the default demo shows of the web path: one story of its own site from the feed item through
 * the page to the extracted body, and the names and dates enrich found in that body.
 */
final class WebPathReport {

  private static final int BODY_CHARS = 160;
  private static final int SHOWN = 8;
  private static final long WAIT_MILLIS = 3_000;

  private final String text;

  private WebPathReport(String text) {
    this.text = text;
  }

  static boolean isShowcase(EnrichedFigures enriched) {
    String finalUrl = enriched.finalUrl();
    return finalUrl != null && finalUrl.contains(DemoSite.SHOWCASE);
  }

  /**
   * The report once the showcase story reached the enriched topic; the counter that keeps it reads
   * on its own thread, so a moment is allowed for it to catch up with the store.
   */
  static WebPathReport of(URI feed, IngestStats stats, TopicCounter<EnrichedFigures> enriched)
      throws InterruptedException {
    long until = System.currentTimeMillis() + WAIT_MILLIS;
    while (enriched.kept() == null && System.currentTimeMillis() < until) {
      Thread.sleep(50);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "web path: feed %s, item pages %d (extracted %d)%n",
            feed,
            stats.pages(),
            stats.pagesExtracted()));
    EnrichedFigures kept = enriched.kept();
    if (kept == null) {
      return new WebPathReport(out.append("  (the showcase story did not arrive)").toString());
    }
    EnrichedArticle story = kept.article();
    Article a = story.article();
    line(out, "feed item", '"' + a.title() + "\" " + a.url());
    line(out, "teaser", a.summary());
    line(
        out,
        "page",
        a.canonicalUrl()
            + (a.authors().isEmpty() ? "" : ", by " + String.join(", ", a.authors()))
            + ", published "
            + a.published()
            + ", language "
            + a.language());
    String body = a.body().replace("\n\n", " ¶ ");
    line(
        out,
        "body",
        (body.length() > BODY_CHARS ? body.substring(0, BODY_CHARS) + "…" : body)
            + " ("
            + a.body().length()
            + " chars)");
    Set<String> names = new LinkedHashSet<>();
    for (Entity e : story.entities()) {
      names.add(e.text() + " (" + e.type().name().toLowerCase(Locale.ROOT) + ")");
    }
    line(out, "entities", story.entities().size() + ": " + first(names));
    Set<String> dates = new LinkedHashSet<>();
    for (TemporalExpression d : story.dates()) {
      dates.add(d.text() + " = " + d.value());
    }
    line(out, "dates", story.dates().size() + ": " + first(dates));
    return new WebPathReport(out.toString().stripTrailing());
  }

  private static String first(Set<String> items) {
    String shown = String.join(", ", items.stream().limit(SHOWN).toList());
    return items.size() > SHOWN ? shown + ", …" : shown;
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "  %-9s %s%n", label, value));
  }

  String text() {
    return text;
  }
}
