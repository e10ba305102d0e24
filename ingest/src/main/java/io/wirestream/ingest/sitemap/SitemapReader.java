package io.wirestream.ingest.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one sitemap document (XML, a sitemap index, gzip, plain text or RSS/Atom as sitemaps) with
 * crawler-commons, the Google News extension on. DTDs are refused by the parser's default.
 */
public final class SitemapReader {

  /** What a sitemap document holds: the sitemaps of an index, or the pages of a sitemap. */
  public record Contents(List<URI> sitemaps, List<SitemapEntry> entries, int invalid) {}

  private SitemapReader() {}

  /**
   * @param contentType the HTTP Content-Type, or null; gzip is recognised by it or by a {@code .gz}
   *     URL
   * @throws SitemapException if the document is no sitemap the parser knows
   */
  public static Contents read(byte[] document, String contentType, URI url)
      throws SitemapException {
    // Not strict: news sitemaps often live under /sitemaps/ and list pages elsewhere on the site.
    SiteMapParser parser = new SiteMapParser(false);
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap map;
    try {
      map =
          contentType == null
              ? parser.parseSiteMap(document, url.toURL())
              : parser.parseSiteMap(contentType, document, url.toURL());
    } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
      throw new SitemapException("not a sitemap: " + e.getMessage(), e);
    }
    List<URI> sitemaps = new ArrayList<>();
    List<SitemapEntry> entries = new ArrayList<>();
    int invalid = 0;
    if (map instanceof SiteMapIndex index) {
      for (AbstractSiteMap child : index.getSitemaps()) {
        URI uri = toUri(child.getUrl().toString());
        if (uri == null) {
          invalid++;
        } else {
          sitemaps.add(uri);
        }
      }
    } else if (map instanceof SiteMap sitemap) {
      for (SiteMapURL listed : sitemap.getSiteMapUrls()) {
        URI page = listed.isValid() ? toUri(listed.getUrl().toString()) : null;
        if (page == null) {
          invalid++;
        } else {
          entries.add(entry(url, page, listed));
        }
      }
    }
    return new Contents(sitemaps, entries, invalid);
  }

  private static SitemapEntry entry(URI sitemap, URI page, SiteMapURL url) {
    String title = null;
    String published = null;
    String language = null;
    ExtensionMetadata[] news = url.getAttributesForExtension(Extension.NEWS);
    if (news != null) {
      for (ExtensionMetadata meta : news) {
        if (meta instanceof NewsAttributes attributes) {
          title = blankToNull(attributes.getTitle());
          if (attributes.getPublicationDateTime() != null) {
            published = attributes.getPublicationDateTime().toOffsetDateTime().toString();
          }
          language = blankToNull(attributes.getLanguage());
          break;
        }
      }
    }
    String lastModified =
        url.getLastModified() == null ? null : url.getLastModified().toInstant().toString();
    return new SitemapEntry(sitemap, page, title, published, language, lastModified);
  }

  private static URI toUri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
