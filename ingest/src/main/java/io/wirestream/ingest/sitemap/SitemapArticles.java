package io.wirestream.ingest.sitemap;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.ExtractedPage;
import io.wirestream.ingest.page.PublicationDate;

/**
 * Turns a sitemap entry and its extracted page into an article, or says why it is none.
 *
 * <p>The sitemap's own claims come first where it makes them on purpose: {@code news:title} is the
 * headline the publisher submits to Google News, and {@code news:publication_date} the date it
 * vouches for. {@code lastmod} is a modification time, so it is used only when neither the sitemap
 * nor the page gives a publication date.
 */
public final class SitemapArticles {

  private SitemapArticles() {}

  /**
   * @param source the source the article is published under; the id is scoped by it
   */
  public static ParseResult toArticle(SitemapEntry entry, ExtractedPage page, String source) {
    String location = entry.location();
    String body = page.body() == null ? "" : page.body().strip();
    if (body.isEmpty()) {
      return new ParseResult.Rejected(location, "page " + page.url() + " yields no article text");
    }
    String published = entry.newsPublished();
    if (published == null) {
      published = page.published().map(PublicationDate::iso).orElse(entry.lastModified());
    }
    if (published == null) {
      return new ParseResult.Rejected(
          location,
          "no publication date: neither the sitemap nor the page " + page.url() + " has one");
    }
    String title = entry.newsTitle() != null ? entry.newsTitle() : blankToNull(page.title());
    String language = blankToNull(page.language());
    if (language == null && entry.newsLanguage() != null) {
      language = entry.newsLanguage().toLowerCase(java.util.Locale.ROOT);
    }
    // The canonical URL names the story whichever sitemap or redirect led to it.
    String url = (page.canonicalUrl() != null ? page.canonicalUrl() : page.url()).toString();
    String id = ArticleIds.fromSourceId(source, url);
    return new ParseResult.Parsed(
        new Article(id, source, url, title, body, published, null, language), location);
  }

  /** The source name for a sitemap: the configured one, else the sitemap's host. */
  public static String sourceFor(String configured, java.net.URI sitemap) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String host = sitemap.getHost();
    return host == null || host.isEmpty() ? "sitemaps" : host;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
