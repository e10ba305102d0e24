package io.wirestream.ingest.feed;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.PageArticles;
import io.wirestream.ingest.page.PageFetch;

/**
 * Turns a feed item and the page it links to into the article published, or says why there is none.
 *
 * <p>The page gives the body, the feed's text is kept as the summary ({@link PageArticles#merge}).
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
    Article article = PageArticles.merge(feed, page);
    String problem = page == null ? null : article.pageProblem();
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
      if (url != null && PageArticles.normalised(url) != null) {
        return ArticleIds.fromUrl(article.source(), url);
      }
    }
    return fallback;
  }
}
