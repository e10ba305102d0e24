package io.wirestream.ingest.page;

import io.wirestream.common.model.Article;
import io.wirestream.ingest.format.ParseResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Consumer;

/**
 * Completes JSON-lines records that give a {@code url} and no body from their pages ({@code
 * ingest.files.fetch.pages}), for the file and standard-input sources alike.
 */
public final class PageCompletion {

  /** Unwinds a format's reading loop when the thread is interrupted during a page fetch. */
  public static final class Interrupted extends RuntimeException {
    Interrupted() {
      super("interrupted while fetching a page", null, false, false);
    }
  }

  private final PageFetcher pages;
  private final Consumer<String> outcomes;

  /**
   * @param outcomes told each fetch's outcome label, for {@code wirestream_pages_fetched_total}
   */
  public PageCompletion(PageFetcher pages, Consumer<String> outcomes) {
    this.pages = pages;
    this.outcomes = outcomes;
  }

  /**
   * The record with its page's text, or a rejection saying why there is none; any other result as
   * it is.
   *
   * @throws Interrupted if the thread is interrupted while the page is fetched
   */
  public ParseResult complete(ParseResult result) {
    if (!(result instanceof ParseResult.Parsed parsed) || !parsed.article().body().isEmpty()) {
      return result;
    }
    Article listed = parsed.article();
    PageFetch page;
    try {
      page = pages.fetch(new URI(listed.url().strip()));
    } catch (URISyntaxException e) {
      page = PageFetch.none("unusable url");
    } catch (InterruptedException e) {
      throw new Interrupted();
    }
    outcomes.accept(page.outcome().label());
    Article article = PageArticles.merge(listed, page);
    if (article.body().isEmpty()) {
      return new ParseResult.Rejected(
          parsed.location(), "empty body, and the page gave none: " + page.problem());
    }
    if (article.published().isEmpty()) {
      return new ParseResult.Rejected(
          parsed.location(), "no date: neither the record nor its page has one");
    }
    return new ParseResult.Parsed(article, parsed.location());
  }
}
