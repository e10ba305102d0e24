package io.wirestream.ingest.feed;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.common.url.UrlNormalizer;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.ExtractedPage;
import io.wirestream.ingest.page.PageFetch;
import io.wirestream.ingest.page.PublicationDate;
import java.time.LocalDate;

/**
 * Turns a feed item and the page it links to into the article published, or says why there is none.
 *
 * <p>The page gives the body; the feed's text is kept as the summary. The feed's own title, date
 * and language come first where it gives them: a feed's date is the publisher's machine-written
 * claim, where a page's is read from markup that also carries modification and related-story dates.
 * A feed date of a day only gives way to the page's date-time on that same day, which says more. A
 * page's language counts only once the extractor has checked it against the text, and then before
 * the feed's, which is often one setting for a whole multilingual site.
 *
 * <p>The id is {@link ArticleIds#fromUrl} of the canonical URL, else the URL after redirects, else
 * the link, so that tracking variants and redirects of one story share it; an item without a usable
 * link keeps the id the parser gave (GUID, else content). An item seen before keeps the id it was
 * first published under, so its revisions replace it.
 */
final class FeedItemArticles {

  private FeedItemArticles() {}

  /**
   * @param item the parsed feed item (its id is the item's key in the feed's state)
   * @param page the page fetch, or null when pages are not fetched
   * @param knownId the id the item was published under before, or null for a new item
   */
  static ParseResult toArticle(
      ParseResult.Parsed item, PageFetch page, String knownId, int revision) {
    Article feed = item.article();
    String teaser = feed.body();
    Article.Builder out = feed.toBuilder();
    String problem = null;
    if (page != null && page.outcome() == PageFetch.Outcome.EXTRACTED) {
      ExtractedPage p = page.page();
      out.body(p.body().strip()).summary(teaser.isEmpty() ? blankToNull(p.summary()) : teaser);
      out.finalUrl(p.url().toString());
      String canonical = normalised(p.canonicalUrl() == null ? null : p.canonicalUrl().toString());
      out.canonicalUrl(canonical);
      out.authors(p.authors());
      if (feed.title() == null && !p.title().isBlank()) {
        out.title(p.title().strip());
      }
      if (!p.language().isBlank()) {
        out.language(p.language());
      }
      out.published(published(feed.published(), p.published().orElse(null)));
    } else if (page != null) {
      problem = page.problem();
      out.pageProblem(problem);
      if (page.finalUrl() != null) {
        out.finalUrl(page.finalUrl().toString());
      }
    }
    Article article = out.build();
    if (article.body().isEmpty()) {
      return new ParseResult.Rejected(
          item.location(),
          "empty body, and the page "
              + (problem == null
                  ? "was not fetched (ingest.fetch.pages=false)"
                  : "gave none: " + problem));
    }
    if (article.published().isEmpty()) {
      return new ParseResult.Rejected(
          item.location(), "no date: neither the feed item nor its page has one");
    }
    String id = knownId != null ? knownId : idOf(article, feed.id());
    return new ParseResult.Parsed(
        article.toBuilder().id(id).build().withRevision(revision), item.location());
  }

  /** fromUrl of the canonical URL, the final URL or the link, the first that is http(s). */
  static String idOf(Article article, String fallback) {
    for (String url : new String[] {article.canonicalUrl(), article.finalUrl(), article.url()}) {
      if (url != null && normalised(url) != null) {
        return ArticleIds.fromUrl(article.source(), url);
      }
    }
    return fallback;
  }

  private static String published(String fromFeed, PublicationDate fromPage) {
    if (fromPage == null) {
      return fromFeed;
    }
    if (fromFeed.isEmpty()) {
      return fromPage.iso();
    }
    if (fromFeed.length() == 10
        && fromPage.dateTime().isPresent()
        && fromPage.day().equals(LocalDate.parse(fromFeed))) {
      return fromPage.iso();
    }
    return fromFeed;
  }

  private static String normalised(String url) {
    if (url == null) {
      return null;
    }
    try {
      return UrlNormalizer.normalize(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
