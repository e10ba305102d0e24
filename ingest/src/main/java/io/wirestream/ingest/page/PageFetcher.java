package io.wirestream.ingest.page;

import io.wirestream.ingest.fetch.FetchException;
import io.wirestream.ingest.fetch.FetchResponse;
import io.wirestream.ingest.fetch.Fetcher;
import io.wirestream.ingest.fetch.Validators;
import java.net.URI;
import java.util.Locale;

/**
 * Fetches the article page a feed item links to through the shared {@link Fetcher} (robots.txt, the
 * host's turn and pause, Retry-After, timeouts, size caps, address rules) and extracts it.
 *
 * <p>A 408, 429 or 5xx answer, a timeout, a network error or a Retry-After that ends within the
 * fetch's total timeout is tried again, up to {@link #ATTEMPTS} requests in all: the fetcher waits
 * for the host's pause and Retry-After before each, so the retry obeys what the host asked. A host
 * that asks for longer is not waited for: the item is published with the feed's text, and the
 * thread goes on to other work. So one page costs at most {@code ATTEMPTS} times the total timeout.
 *
 * <p>Thread-safe: fetch threads of every feed share one instance.
 */
public final class PageFetcher {

  /** Requests made for one page at most. */
  public static final int ATTEMPTS = 3;

  private final Fetcher fetcher;
  private final PageExtractor extractor;

  public PageFetcher(Fetcher fetcher, PageExtractor extractor) {
    this.fetcher = fetcher;
    this.extractor = extractor;
  }

  /** Fetches and extracts the page; never throws but for interruption. */
  public PageFetch fetch(URI page) throws InterruptedException {
    String scheme = page.getScheme() == null ? "" : page.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      // A feed read from a file may be allowed; the links in it, wherever they point, are not.
      return PageFetch.problem(PageFetch.Outcome.FAILED, null, "not an http(s) link");
    }
    PageFetch last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      FetchResponse response;
      try {
        response = fetcher.fetch(page, Validators.NONE);
      } catch (FetchException e) {
        last = problem(e);
        if (!retryable(e.reason())) {
          return last;
        }
        continue;
      } catch (IllegalArgumentException e) {
        return PageFetch.problem(PageFetch.Outcome.FAILED, null, "unusable link: " + page);
      }
      if (!response.isSuccess()) {
        int status = response.status();
        last = PageFetch.problem(PageFetch.Outcome.FAILED, response.uri(), "HTTP " + status);
        if (status == 408 || status == 429 || status >= 500) {
          continue;
        }
        return last;
      }
      return extract(response);
    }
    return attempts(last);
  }

  private PageFetch extract(FetchResponse response) {
    String type = response.header("Content-Type").orElse("");
    if (!isHtml(type)) {
      return PageFetch.problem(
          PageFetch.Outcome.FAILED,
          response.uri(),
          "not HTML: " + type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
    }
    ExtractedPage page;
    try {
      page = extractor.extract(response.body(), response.uri(), response.charset());
    } catch (RuntimeException e) {
      return PageFetch.problem(
          PageFetch.Outcome.FAILED, response.uri(), "page not readable: " + e.getMessage());
    }
    if (page.body() == null || page.body().isBlank()) {
      return PageFetch.problem(PageFetch.Outcome.NO_TEXT, response.uri(), "no article text");
    }
    return PageFetch.extracted(page);
  }

  /** A missing Content-Type is given the benefit of the doubt: the extractor finds no text. */
  static boolean isHtml(String contentType) {
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.isEmpty() || type.equals("text/html") || type.equals("application/xhtml+xml");
  }

  private static boolean retryable(FetchException.Reason reason) {
    return switch (reason) {
      case TIMEOUT, NETWORK -> true;
      // The fetcher refuses at once a host whose Retry-After outlasts its deadline: no retry
      // could do better within this fetch.
      case DEFERRED, SCHEME, ADDRESS, TOO_LARGE, REDIRECT, ROBOTS, ENCODING -> false;
    };
  }

  private static PageFetch problem(FetchException e) {
    return switch (e.reason()) {
      case ROBOTS -> PageFetch.problem(PageFetch.Outcome.DISALLOWED, null, "robots.txt disallows");
      case TIMEOUT -> PageFetch.problem(PageFetch.Outcome.FAILED, null, "timeout");
      case TOO_LARGE -> PageFetch.problem(PageFetch.Outcome.FAILED, null, "too large");
      case DEFERRED ->
          PageFetch.problem(
              PageFetch.Outcome.FAILED,
              null,
              "host asks to wait"
                  + (e.retryAfter() == null ? "" : " " + e.retryAfter().toSeconds() + " s"));
      case REDIRECT ->
          PageFetch.problem(PageFetch.Outcome.FAILED, null, "redirects: " + e.getMessage());
      case ADDRESS -> PageFetch.problem(PageFetch.Outcome.FAILED, null, "address refused");
      case SCHEME -> PageFetch.problem(PageFetch.Outcome.FAILED, null, "not an http(s) link");
      case ENCODING -> PageFetch.problem(PageFetch.Outcome.FAILED, null, "broken encoding");
      case NETWORK -> PageFetch.problem(PageFetch.Outcome.FAILED, null, "network error");
    };
  }

  private static PageFetch attempts(PageFetch last) {
    return PageFetch.problem(
        last.outcome(), last.finalUrl(), last.problem() + " after " + ATTEMPTS + " attempts");
  }
}
