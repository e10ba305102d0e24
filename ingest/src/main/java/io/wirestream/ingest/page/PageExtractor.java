package io.wirestream.ingest.page;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.ingest.page.BodyExtractor.Body;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the article of an HTML page: its text with paragraph breaks but without navigation, ads,
 * captions, related stories, newsletter boxes and comments; and its title, authors, publication
 * date, summary, language and canonical URL.
 *
 * <p>Thread-safe and stateless: one instance serves every fetch thread. A page larger than {@code
 * maxBytes} is parsed only up to that size, which bounds time and memory per page; the result says
 * so in {@link ExtractedPage#cutReason()}.
 */
public final class PageExtractor {

  private final int maxBytes;

  /**
   * @param maxBytes the most bytes of a page that are parsed ({@code ingest.page.max.bytes})
   */
  public PageExtractor(int maxBytes) {
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("maxBytes must be at least 1024, not " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** An extractor with the size cap of {@code ingest.page.max.bytes}. */
  public static PageExtractor from(WirestreamConfig config) {
    return new PageExtractor(config.getInt(WirestreamConfig.INGEST_PAGE_MAX_BYTES));
  }

  /**
   * The article of a page given as bytes.
   *
   * @param html the page as fetched (after content decoding)
   * @param url the URL it was fetched from, after redirects; resolves relative links
   * @param charset the charset of the HTTP {@code Content-Type}, or {@code null} to let the page's
   *     byte-order mark or {@code <meta charset>} decide (UTF-8 when neither does)
   */
  public ExtractedPage extract(byte[] html, URI url, Charset charset) {
    Optional<String> cut = Optional.empty();
    byte[] read = html;
    if (html.length > maxBytes) {
      read = Arrays.copyOf(html, maxBytes);
      cut = Optional.of(cutReason(html.length));
    }
    if (charset == null && Utf8Check.isUtf8(read)) {
      // Bytes that decode as UTF-8 are UTF-8 whatever the page declares: pages converted to
      // UTF-8 by their CMS often keep the <meta charset> of the old encoding.
      charset = StandardCharsets.UTF_8;
    }
    Document doc;
    try {
      doc =
          Jsoup.parse(
              new ByteArrayInputStream(read),
              charset == null ? null : charset.name(),
              url == null ? "" : url.toString());
    } catch (IOException e) {
      // Reading from memory does not fail; an unsupported charset name is all that remains.
      throw new UncheckedIOException(e);
    }
    return extract(doc, url, cut);
  }

  /** The article of a page given as text. */
  public ExtractedPage extract(String html, URI url) {
    Optional<String> cut = Optional.empty();
    String read = html;
    if (html.length() > maxBytes) {
      read = html.substring(0, maxBytes);
      cut = Optional.of(cutReason(html.length()));
    }
    return extract(Jsoup.parse(read, url == null ? "" : url.toString()), url, cut);
  }

  private String cutReason(int size) {
    return "page of " + size + " bytes read only to " + maxBytes + " (ingest.page.max.bytes)";
  }

  private static ExtractedPage extract(Document doc, URI url, Optional<String> cut) {
    PageMetadata meta = PageMetadata.read(doc, url);
    Element body = doc.body();
    Boilerplate.clean(body);
    Body text = BodyExtractor.extract(body, meta.jsonLd().articleBody(), meta.title());
    return new ExtractedPage(
        url,
        meta.canonicalUrl(),
        meta.title(),
        meta.authors(),
        meta.published(),
        meta.description(),
        DeclaredLanguage.checked(meta.language(), text.text()),
        text.text(),
        text.source(),
        cut);
  }
}
