package io.wirestream.ingest.feed;

import io.wirestream.ingest.fetch.FetchException;
import io.wirestream.ingest.fetch.FetchResponse;
import io.wirestream.ingest.fetch.Fetcher;
import io.wirestream.ingest.fetch.Validators;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.PageFetch;
import io.wirestream.ingest.page.PageFetcher;
import io.wirestream.ingest.state.FeedMark;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One fetch of one feed, run on a fetch thread: the request, then, for a new body, its hash and
 * parse, so that the polling thread only publishes. A body whose SHA-256 equals that of the last
 * body parsed is not parsed again: many servers send neither ETag nor Last-Modified.
 *
 * @param response null if the fetch failed
 * @param parsed null unless a changed 2xx body parsed
 * @param unchanged a 2xx body identical to the last one parsed
 * @param error a {@link FetchException}, {@link FeedParseException} or unexpected exception
 * @param pages the page fetched for each new or changed item, by the item's key (its parsed id);
 *     empty when pages are not fetched
 */
record FeedFetch(
    FeedState feed,
    FetchResponse response,
    ParsedFeed parsed,
    byte[] hash,
    boolean unchanged,
    Exception error,
    Map<String, PageFetch> pages) {

  FeedFetch(
      FeedState feed,
      FetchResponse response,
      ParsedFeed parsed,
      byte[] hash,
      boolean unchanged,
      Exception error) {
    this(feed, response, parsed, hash, unchanged, error, Map.of());
  }

  static FeedFetch run(
      FeedState feed,
      URI uri,
      Validators validators,
      byte[] lastHash,
      Fetcher fetcher,
      FeedParser parser) {
    return run(feed, uri, validators, lastHash, fetcher, parser, null, Map.of(), Set.of());
  }

  /**
   * Like {@link #run(FeedState, URI, Validators, byte[], Fetcher, FeedParser)}, then fetches the
   * page of each item that is new or changed by {@code known} (a copy of the feed's delivered items
   * taken when the fetch started) and not under way, one after the other on this thread: so the
   * pages of one feed never hold more than its own thread, and the polling thread only publishes.
   *
   * @param pages null when pages are not fetched
   */
  static FeedFetch run(
      FeedState feed,
      URI uri,
      Validators validators,
      byte[] lastHash,
      Fetcher fetcher,
      FeedParser parser,
      PageFetcher pages,
      Map<String, FeedMark.ItemMark> known,
      Set<String> inFlight) {
    FetchResponse response = null;
    try {
      response = fetcher.fetch(uri, validators);
      if (!response.isSuccess()) {
        return new FeedFetch(feed, response, null, null, false, null);
      }
      byte[] hash = sha256(response.body());
      if (lastHash != null && Arrays.equals(hash, lastHash)) {
        return new FeedFetch(feed, response, null, hash, true, null);
      }
      ParsedFeed parsed = parser.parseFeed(response.body(), uri, response.charset());
      if (pages == null) {
        return new FeedFetch(feed, response, parsed, hash, false, null);
      }
      Map<String, PageFetch> fetched = new HashMap<>();
      for (ParseResult result : parsed.items()) {
        if (result instanceof ParseResult.Parsed item) {
          String key = item.article().id();
          FeedMark.ItemMark seen = known.get(key);
          boolean changed =
              seen == null || !seen.sha256().equals(FeedMarks.contentHash(item.article()));
          // An item without a link has no page: it is published with the feed's text alone.
          if (changed
              && item.article().url() != null
              && !inFlight.contains(key)
              && !fetched.containsKey(key)) {
            fetched.put(key, fetchPage(pages, item.article().url()));
          }
        }
      }
      return new FeedFetch(feed, response, parsed, hash, false, null, fetched);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FeedFetch(
          feed,
          response,
          null,
          null,
          false,
          new FetchException(FetchException.Reason.NETWORK, "interrupted"));
    } catch (Exception e) {
      // Whatever one feed does must not stop the others.
      return new FeedFetch(feed, response, null, null, false, e);
    }
  }

  private static PageFetch fetchPage(PageFetcher pages, String link) throws InterruptedException {
    URI uri;
    try {
      uri = new URI(link);
    } catch (URISyntaxException e) {
      return PageFetch.none("unusable link");
    }
    return pages.fetch(uri);
  }

  static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
