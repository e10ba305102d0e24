package io.wirestream.ingest.page;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What {@link PageExtractor} found in one article page.
 *
 * @param url the URL the page was fetched from (after redirects)
 * @param canonicalUrl the page's own name for itself ({@code <link rel=canonical>}, else {@code
 *     og:url}), absolute; {@code url} when it names none
 * @param title the headline, or empty
 * @param authors the authors' names as the page gives them, in order, without duplicates
 * @param published the publication date, when the page states one
 * @param summary the lead or description the page gives of itself, or empty
 * @param language the page's language as an ISO 639-1 code (lowercase), or empty when unknown
 * @param body the article text, paragraphs separated by {@code "\n\n"}; empty when the page holds
 *     no article text
 * @param bodySource where the body came from ({@link BodySource})
 * @param cutReason why only the start of the page was read, or empty when it was read whole
 */
public record ExtractedPage(
    URI url,
    URI canonicalUrl,
    String title,
    List<String> authors,
    Optional<PublicationDate> published,
    String summary,
    String language,
    String body,
    BodySource bodySource,
    Optional<String> cutReason) {

  public ExtractedPage {
    authors = List.copyOf(authors);
  }

  /** Where the body text was taken from, kept so that stores and scores can tell. */
  public enum BodySource {
    /** Paragraphs of the page's markup, chosen by content scoring. */
    MARKUP,
    /** The markup's paragraphs that the page's JSON-LD {@code articleBody} confirms. */
    MARKUP_CONFIRMED,
    /** The JSON-LD {@code articleBody}, when the markup holds too little of it. */
    JSON_LD,
    /** No article text was found. */
    NONE
  }
}
