package io.wirestream.ingest.page;

import java.net.URI;
import java.util.Locale;

/**
 * What fetching and extracting one article page came to.
 *
 * @param outcome how it went, the label of the pages meter
 * @param page the extracted page, for {@link Outcome#EXTRACTED} only
 * @param finalUrl the URL that answered after redirects, or null when none did
 * @param problem why there is no page text, in a few words; null when extracted
 */
public record PageFetch(Outcome outcome, ExtractedPage page, URI finalUrl, String problem) {

  /** The outcomes of a page fetch, as counted by {@code wirestream_pages_fetched_total}. */
  public enum Outcome {
    /** Fetched and extracted to article text. */
    EXTRACTED,
    /** Fetched, but the page holds no article text. */
    NO_TEXT,
    /** Not fetched: HTTP error after retries, timeout, too large, not HTML, refused address. */
    FAILED,
    /** Not requested: the host's robots.txt disallows it. */
    DISALLOWED;

    /** The meter's tag value. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static PageFetch extracted(ExtractedPage page) {
    return new PageFetch(Outcome.EXTRACTED, page, page.url(), null);
  }

  /** No page to fetch (the item has no usable link). */
  public static PageFetch none(String problem) {
    return new PageFetch(Outcome.FAILED, null, null, problem);
  }

  static PageFetch problem(Outcome outcome, URI finalUrl, String problem) {
    return new PageFetch(outcome, null, finalUrl, problem);
  }
}
