package io.wirestream.ingest.page;

import io.wirestream.common.model.Article;
import io.wirestream.common.url.UrlNormalizer;
import java.time.LocalDate;

/**
 * Completes an article that a source listed (a feed item, a JSON-lines record with a {@code url})
 * with what its page gave: the page's body, the listed text kept as the summary.
 *
 * <p>The listing's own title, date and language come first where it gives them: a feed's date is
 * the publisher's machine-written claim, where a page's is read from markup that also carries
 * modification and related-story dates. A date of a day only gives way to the page's date-time on
 * that same day, which says more. A page's language counts only once the extractor has checked it
 * against the text, and then before the listing's, which is often one setting for a whole
 * multilingual site.
 */
public final class PageArticles {

  private PageArticles() {}

  /**
   * The listed article with its page's text and metadata; when the page gave no text, the listed
   * article with the reason in {@code pageProblem} and the URL that answered, if one did.
   *
   * @param page the page fetch, or null when pages are not fetched
   */
  public static Article merge(Article listed, PageFetch page) {
    if (page == null) {
      return listed;
    }
    Article.Builder out = listed.toBuilder();
    if (page.outcome() == PageFetch.Outcome.EXTRACTED) {
      ExtractedPage p = page.page();
      String teaser = listed.body();
      String summary =
          !teaser.isEmpty()
              ? teaser
              : listed.summary() != null ? listed.summary() : blankToNull(p.summary());
      out.body(p.body().strip()).summary(summary);
      out.finalUrl(p.url().toString());
      out.canonicalUrl(normalised(p.canonicalUrl() == null ? null : p.canonicalUrl().toString()));
      out.authors(p.authors().isEmpty() ? listed.authors() : p.authors());
      if (listed.title() == null && !p.title().isBlank()) {
        out.title(p.title().strip());
      }
      if (!p.language().isBlank()) {
        out.language(p.language());
      }
      out.published(published(listed.published(), p.published().orElse(null)));
    } else {
      out.pageProblem(page.problem());
      if (page.finalUrl() != null) {
        out.finalUrl(page.finalUrl().toString());
      }
    }
    return out.build();
  }

  /** The URL as {@link UrlNormalizer} spells it, or null when it is not an http(s) URL. */
  public static String normalised(String url) {
    if (url == null) {
      return null;
    }
    try {
      return UrlNormalizer.normalize(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String published(String listed, PublicationDate fromPage) {
    if (fromPage == null) {
      return listed;
    }
    if (listed.isEmpty()) {
      return fromPage.iso();
    }
    if (listed.length() == 10
        && fromPage.dateTime().isPresent()
        && fromPage.day().equals(LocalDate.parse(listed))) {
      return fromPage.iso();
    }
    return listed;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
