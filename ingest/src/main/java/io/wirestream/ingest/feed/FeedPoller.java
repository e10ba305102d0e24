package io.wirestream.ingest.feed;

import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.format.ParseResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches RSS/Atom feeds ({@code http:}, {@code https:} or {@code file:} URLs) and publishes
 * their items.
 *
 * <p>Each feed keeps its own ETag and Last-Modified and sends them back, so an unchanged feed
 * costs a 304 and nothing is parsed. Ids already published by this poller are skipped (the last
 * {@value #REMEMBERED_IDS}), since feeds repeat their items on every fetch; publishing one again
 * would be harmless downstream, only wasteful.
 *
 * <p>A network error, HTTP 5xx or 429, or a malformed document (usually a cut-off download) is
 * retried after the poll interval, doubling per consecutive failure up to {@link #MAX_BACKOFF}
 * (never sooner than the interval). Any other HTTP error is retried after {@code MAX_BACKOFF}.
 * One failing feed never holds up the others. Not thread-safe: one thread polls.
 */
public final class FeedPoller {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
  static final int REMEMBERED_IDS = 100_000;
  private static final int MAX_DOCUMENT_BYTES = 32 << 20;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** What one fetch of one feed came to. */
  public enum Status {
    /** Fetched and parsed; new items published. */
    FETCHED,
    /** Unchanged since the last fetch (HTTP 304 or the same file). */
    NOT_MODIFIED,
    /** Network error, HTTP 5xx/429 or malformed document: retried with backoff. */
    RETRYING,
    /** Any other HTTP error (404, 401, 410...): retried at the longest interval. */
    FAILED
  }

  /** The result of one fetch: {@code published} counts the new articles handed over. */
  public record Outcome(URI feed, Status status, int published, String detail) {}

  private static final class Feed {
    final URI uri;
    String etag;
    String lastModified;
    FileTime fileModified;
    Instant nextDue = Instant.MIN;
    int failures;

    Feed(URI uri) {
      this.uri = uri;
    }
  }

  private final List<Feed> feeds = new ArrayList<>();
  private final FeedParser parser;
  private final Duration interval;
  private final String userAgent;
  private final HttpClient client;
  private final Clock clock;
  private final Set<String> publishedIds =
      Collections.newSetFromMap(
          new LinkedHashMap<String, Boolean>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > REMEMBERED_IDS;
            }
          });

  /**
   * @param version put in the User-Agent as {@code wirestream/VERSION}
   */
  public FeedPoller(List<URI> feeds, FeedParser parser, Duration interval, String version) {
    this(
        feeds,
        parser,
        interval,
        version,
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build(),
        Clock.systemUTC());
  }

  FeedPoller(
      List<URI> feeds,
      FeedParser parser,
      Duration interval,
      String version,
      HttpClient client,
      Clock clock) {
    for (URI uri : feeds) {
      this.feeds.add(new Feed(checkUrl(uri)));
    }
    this.parser = parser;
    this.interval = interval;
    this.userAgent = "wirestream/" + version;
    this.client = client;
    this.clock = clock;
  }

  /**
   * Returns the URL if it is one this poller can fetch.
   *
   * @throws IllegalArgumentException for other schemes or relative URLs
   */
  public static URI checkUrl(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean ok =
        switch (scheme) {
          case "http", "https" -> uri.getHost() != null;
          case "file" -> uri.getPath() != null;
          default -> false;
        };
    if (!ok) {
      throw new IllegalArgumentException(
          "not a feed URL (http:, https: or file:): " + uri);
    }
    return uri;
  }

  /** Fetches every feed now, due or not. */
  public List<Outcome> pollAll(
      ArticlePublisher publisher, IngestStats stats, Consumer<ParseResult.Rejected> rejections)
      throws InterruptedException {
    List<Outcome> outcomes = new ArrayList<>();
    for (Feed feed : feeds) {
      outcomes.add(poll(feed, publisher, stats, rejections));
    }
    return outcomes;
  }

  /** Fetches the feeds whose time has come. */
  public List<Outcome> pollDue(
      ArticlePublisher publisher, IngestStats stats, Consumer<ParseResult.Rejected> rejections)
      throws InterruptedException {
    Instant now = clock.instant();
    List<Outcome> outcomes = new ArrayList<>();
    for (Feed feed : feeds) {
      if (!feed.nextDue.isAfter(now)) {
        outcomes.add(poll(feed, publisher, stats, rejections));
      }
    }
    return outcomes;
  }

  /** Time until the next feed is due; zero if one is due now. */
  public Duration untilNextDue() {
    Instant now = clock.instant();
    Instant next = feeds.stream().map(f -> f.nextDue).min(Instant::compareTo).orElse(Instant.MAX);
    if (next.equals(Instant.MAX)) {
      return MAX_BACKOFF;
    }
    return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
  }

  /** When a feed is next due; for tests. */
  Instant nextDue(URI uri) {
    return feeds.stream().filter(f -> f.uri.equals(uri)).findFirst().orElseThrow().nextDue;
  }

  private Outcome poll(
      Feed feed,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections)
      throws InterruptedException {
    Outcome outcome;
    try {
      outcome =
          "file".equalsIgnoreCase(feed.uri.getScheme())
              ? fetchFile(feed, publisher, stats, rejections)
              : fetchHttp(feed, publisher, stats, rejections);
    } catch (IOException e) {
      outcome = new Outcome(feed.uri, Status.RETRYING, 0, e.toString());
    } catch (FeedParseException e) {
      String detail = e.getMessage();
      String prefix = feed.uri + ": ";
      outcome =
          new Outcome(
              feed.uri,
              Status.RETRYING,
              0,
              detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail);
    }
    schedule(feed, outcome.status());
    if (outcome.status() == Status.RETRYING || outcome.status() == Status.FAILED) {
      LOG.warn(
          "feed {}: {}; next try in {} s",
          feed.uri,
          outcome.detail(),
          Duration.between(clock.instant(), feed.nextDue).toSeconds());
    }
    return outcome;
  }

  private void schedule(Feed feed, Status status) {
    Duration delay;
    switch (status) {
      case FETCHED, NOT_MODIFIED -> {
        feed.failures = 0;
        delay = interval;
      }
      case RETRYING -> {
        feed.failures++;
        Duration backoff = interval.multipliedBy(1L << Math.min(feed.failures - 1, 20));
        delay = max(interval, min(backoff, MAX_BACKOFF));
      }
      default -> {
        feed.failures++;
        delay = max(interval, MAX_BACKOFF);
      }
    }
    feed.nextDue = clock.instant().plus(delay);
  }

  private Outcome fetchHttp(
      Feed feed,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections)
      throws IOException, InterruptedException, FeedParseException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(feed.uri)
            .timeout(REQUEST_TIMEOUT)
            .header("User-Agent", userAgent)
            .header("Accept-Encoding", "gzip")
            .header(
                "Accept",
                "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
                    + " text/xml;q=0.9, */*;q=0.1");
    if (feed.etag != null) {
      request.header("If-None-Match", feed.etag);
    }
    if (feed.lastModified != null) {
      request.header("If-Modified-Since", feed.lastModified);
    }
    HttpResponse<InputStream> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    byte[] body;
    try (InputStream in = response.body()) {
      int code = response.statusCode();
      if (code == 304) {
        return new Outcome(feed.uri, Status.NOT_MODIFIED, 0, "not modified");
      }
      if (code == 429 || code >= 500) {
        return new Outcome(feed.uri, Status.RETRYING, 0, "HTTP " + code);
      }
      if (code < 200 || code > 299) {
        return new Outcome(feed.uri, Status.FAILED, 0, "HTTP " + code);
      }
      boolean gzip =
          response
              .headers()
              .firstValue("Content-Encoding")
              .map(v -> v.trim().equalsIgnoreCase("gzip"))
              .orElse(false);
      body = readLimited(gzip ? new GZIPInputStream(in) : in, feed.uri);
    }
    Outcome outcome = publish(feed.uri, body, publisher, stats, rejections);
    // Remember validators only once the document was usable, so a bad one is fetched again.
    feed.etag = response.headers().firstValue("ETag").orElse(null);
    feed.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
    return outcome;
  }

  private Outcome fetchFile(
      Feed feed,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections)
      throws IOException, FeedParseException {
    Path path = Path.of(feed.uri);
    FileTime modified = Files.getLastModifiedTime(path);
    if (modified.equals(feed.fileModified)) {
      return new Outcome(feed.uri, Status.NOT_MODIFIED, 0, "not modified");
    }
    byte[] body;
    try (InputStream in = Files.newInputStream(path)) {
      body = readLimited(in, feed.uri);
    }
    Outcome outcome = publish(feed.uri, body, publisher, stats, rejections);
    feed.fileModified = modified;
    return outcome;
  }

  private static byte[] readLimited(InputStream in, URI uri) throws IOException {
    byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new IOException(uri + ": feed larger than " + (MAX_DOCUMENT_BYTES >> 20) + " MiB");
    }
    return bytes;
  }

  private Outcome publish(
      URI uri,
      byte[] document,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections)
      throws FeedParseException {
    List<ParseResult> results = parser.parse(new ByteArrayInputStream(document), uri);
    int published = 0;
    for (ParseResult result : results) {
      if (result instanceof ParseResult.Parsed parsed) {
        if (publishedIds.add(parsed.article().id())) {
          publisher.publish(parsed.article());
          published++;
        }
      } else if (result instanceof ParseResult.Rejected rejected) {
        stats.countRejected();
        rejections.accept(rejected);
      }
    }
    return new Outcome(uri, Status.FETCHED, published, results.size() + " items");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
