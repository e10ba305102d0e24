package io.wirestream.ingest.sitemap;

import java.net.URI;

/**
 * One {@code <url>} of a sitemap: the page, and what the sitemap says of it.
 *
 * @param sitemap the sitemap that lists the page
 * @param page the page's URL
 * @param newsTitle {@code news:title} of the Google News extension, or null
 * @param newsPublished {@code news:publication_date} as ISO-8601 with its offset, or null
 * @param newsLanguage {@code news:language}, or null
 * @param lastModified {@code lastmod} as an ISO-8601 instant, or null
 */
public record SitemapEntry(
    URI sitemap,
    URI page,
    String newsTitle,
    String newsPublished,
    String newsLanguage,
    String lastModified) {

  /** Where the entry is, for dead letters: the sitemap URL and the page it lists. */
  public String location() {
    return sitemap + "#item " + page;
  }
}
