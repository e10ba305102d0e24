package io.wirestream.ingest.feed;

import io.wirestream.ingest.fetch.FetchException;
import io.wirestream.ingest.fetch.FetchResponse;
import io.wirestream.ingest.fetch.Fetcher;
import io.wirestream.ingest.fetch.Validators;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * One fetch of one feed, run on a fetch thread: the request, then, for a new body, its hash and
 * parse, so that the polling thread only publishes. A body whose SHA-256 equals that of the last
 * body parsed is not parsed again: many servers send neither ETag nor Last-Modified.
 *
 * @param response null if the fetch failed
 * @param parsed null unless a changed 2xx body parsed
 * @param unchanged a 2xx body identical to the last one parsed
 * @param error a {@link FetchException}, {@link FeedParseException} or unexpected exception
 */
record FeedFetch(
    FeedState feed,
    FetchResponse response,
    ParsedFeed parsed,
    byte[] hash,
    boolean unchanged,
    Exception error) {

  static FeedFetch run(
      FeedState feed,
      URI uri,
      Validators validators,
      byte[] lastHash,
      Fetcher fetcher,
      FeedParser parser) {
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
      return new FeedFetch(feed, response, parsed, hash, false, null);
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

  static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
