package io.wirestream.ingest.feed;

import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.Delivery;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.format.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches RSS/Atom feeds ({@code http:}, {@code https:} or {@code file:} URLs) and publishes their
 * items.
 *
 * <p>Each feed keeps its own ETag and Last-Modified and sends them back, so an unchanged feed costs
 * a 304 and nothing is parsed. Ids already published by this poller are skipped (the last {@value
 * #REMEMBERED_IDS}), since feeds repeat their items on every fetch; publishing one again would be
 * harmless downstream, only wasteful. An item counts as published only once the broker has
 * acknowledged it: if any item of a fetch is not delivered, the feed's validators are forgotten so
 * that the next fetch gets the whole document again and republishes what was lost. A rejected item
 * is reported on the first fetch that shows it, not on every fetch after.
 *
 * <p>A network error, HTTP 5xx or 429, or a malformed document (usually a cut-off download) is
 * retried after the poll interval, doubling per consecutive failure up to {@link #MAX_BACKOFF}
 * (never sooner than the interval). Any other HTTP error is retried after {@code MAX_BACKOFF}. One
 * failing feed never holds up the others. Not thread-safe: one thread polls.
 */
public final class FeedPoller {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
  static final int REMEMBERED_IDS = 100_000;
  private static final int MAX_DOCUMENT_BYTES = 32 << 20;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern CHARSET =
      Pattern.compile(";\\s*charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

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
    Set<ParseResult.Rejected> lastRejected = Set.of();

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
  // Items handed to the publisher whose fetch has not completed yet: not published, not repeated.
  private final Set<String> inFlightIds = new HashSet<>();
  // Fetches whose delivery completed, queued by producer threads for the polling thread.
  private final Queue<Completed> completed = new ConcurrentLinkedQueue<>();
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
      throw new IllegalArgumentException("not a feed URL (http:, https: or file:): " + uri);
    }
    return uri;
  }

  private record Completed(Feed feed, List<String> ids, boolean succeeded) {}

  /** Fetches every feed now, due or not. */
  public List<Outcome> pollAll(
      ArticlePublisher publisher, IngestStats stats, Consumer<ParseResult.Rejected> rejections)
      throws InterruptedException {
    settleDeliveries();
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
    settleDeliveries();
    Instant now = clock.instant();
    List<Outcome> outcomes = new ArrayList<>();
    for (Feed feed : feeds) {
      if (!feed.nextDue.isAfter(now)) {
        outcomes.add(poll(feed, publisher, stats, rejections));
      }
    }
    return outcomes;
  }

  /**
   * Takes in the fetches whose delivery completed: acknowledged items are published for good; a
   * fetch with items not delivered makes its feed fetch the whole document again.
   */
  private void settleDeliveries() {
    for (Completed done = completed.poll(); done != null; done = completed.poll()) {
      done.ids().forEach(inFlightIds::remove);
      if (done.succeeded()) {
        publishedIds.addAll(done.ids());
      } else {
        Feed feed = done.feed();
        feed.etag = null;
        feed.lastModified = null;
        feed.fileModified = null;
        LOG.warn(
            "feed {}: items not acknowledged by the broker; the next fetch publishes them again",
            feed.uri);
      }
    }
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

  /**
   * A fetched document with the validators to remember once it has parsed, or {@code null} document
   * when unchanged.
   */
  private record Fetched(
      byte[] document, Charset charset, String etag, String lastModified, FileTime fileModified) {}

  /** A fetch that came to no document: an HTTP error status. */
  private static final class HttpStatusException extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    HttpStatusException(int code) {
      super("HTTP " + code);
      this.code = code;
    }
  }

  private Outcome poll(
      Feed feed,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections)
      throws InterruptedException {
    Fetched fetched;
    List<ParseResult> results;
    try {
      fetched = "file".equalsIgnoreCase(feed.uri.getScheme()) ? fetchFile(feed) : fetchHttp(feed);
      results =
          fetched.document() == null
              ? null
              : parser.parse(fetched.document(), feed.uri, fetched.charset());
    } catch (HttpStatusException e) {
      boolean retry = e.code == 429 || e.code >= 500;
      return failed(feed, retry ? Status.RETRYING : Status.FAILED, e.getMessage());
    } catch (FeedParseException e) {
      String prefix = feed.uri + ": ";
      String detail = e.getMessage();
      return failed(
          feed,
          Status.RETRYING,
          detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail);
    } catch (IOException | RuntimeException e) {
      // Unchecked too: whatever one feed does must not stop the others.
      return failed(feed, Status.RETRYING, e.toString());
    }
    schedule(feed, Status.FETCHED);
    if (results == null) {
      return new Outcome(feed.uri, Status.NOT_MODIFIED, 0, "not modified");
    }
    // Remember validators only once the document was usable, so a bad one is fetched again.
    feed.etag = fetched.etag();
    feed.lastModified = fetched.lastModified();
    feed.fileModified = fetched.fileModified();
    return publish(feed, results, publisher, stats, rejections);
  }

  private Outcome failed(Feed feed, Status status, String detail) {
    schedule(feed, status);
    LOG.warn(
        "feed {}: {}; next try in {} s",
        feed.uri,
        detail,
        Duration.between(clock.instant(), feed.nextDue).toSeconds());
    return new Outcome(feed.uri, status, 0, detail);
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

  private Fetched fetchHttp(Feed feed)
      throws IOException, InterruptedException, HttpStatusException {
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
    HttpHeaders headers = response.headers();
    try (InputStream in = response.body()) {
      int code = response.statusCode();
      if (code == 304) {
        return new Fetched(null, null, null, null, null);
      }
      if (code < 200 || code > 299) {
        throw new HttpStatusException(code);
      }
      boolean gzip =
          headers
              .firstValue("Content-Encoding")
              .map(v -> v.trim().equalsIgnoreCase("gzip"))
              .orElse(false);
      byte[] document = readLimited(gzip ? new GZIPInputStream(in) : in, feed.uri);
      return new Fetched(
          document,
          charset(headers.firstValue("Content-Type").orElse("")),
          headers.firstValue("ETag").orElse(null),
          headers.firstValue("Last-Modified").orElse(null),
          null);
    }
  }

  /** The charset parameter of a Content-Type, or null if absent or unknown. */
  static Charset charset(String contentType) {
    Matcher m = CHARSET.matcher(contentType);
    if (!m.find()) {
      return null;
    }
    try {
      return Charset.forName(m.group(1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Fetched fetchFile(Feed feed) throws IOException {
    Path path = Path.of(feed.uri);
    FileTime modified = Files.getLastModifiedTime(path);
    if (modified.equals(feed.fileModified)) {
      return new Fetched(null, null, null, null, null);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return new Fetched(readLimited(in, feed.uri), null, null, null, modified);
    }
  }

  private static byte[] readLimited(InputStream in, URI uri) throws IOException {
    byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new IOException(uri + ": feed larger than " + (MAX_DOCUMENT_BYTES >> 20) + " MiB");
    }
    return bytes;
  }

  /**
   * Publishes the items not published before. A rejection is reported the first time; a feed
   * repeats its items on every fetch, and the same complaint every few minutes is noise.
   */
  private Outcome publish(
      Feed feed,
      List<ParseResult> results,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections) {
    int published = 0;
    Set<ParseResult.Rejected> rejected = new HashSet<>();
    List<String> ids = new ArrayList<>();
    Delivery delivery =
        publisher.open(
            feed.uri.toString(),
            d -> {
              if (d.succeeded() && d.handedOver() > 0) {
                LOG.info(
                    "feed {}: {} new items published, {} dead-lettered",
                    feed.uri,
                    d.published(),
                    d.deadLettered());
              }
              completed.add(new Completed(feed, ids, d.succeeded()));
            });
    for (ParseResult result : results) {
      ParseResult.Rejected rejection = null;
      if (result instanceof ParseResult.Parsed parsed) {
        String id = parsed.article().id();
        if (!publishedIds.contains(id) && !inFlightIds.contains(id)) {
          String refused = publisher.publish(delivery, parsed.article(), parsed.location());
          if (refused == null) {
            inFlightIds.add(id);
            ids.add(id);
            published++;
          } else {
            rejection = new ParseResult.Rejected(parsed.location(), refused);
          }
        }
      } else if (result instanceof ParseResult.Rejected r) {
        rejection = r;
      }
      if (rejection != null) {
        rejected.add(rejection);
        if (!feed.lastRejected.contains(rejection)) {
          stats.countRejected();
          delivery.countRejected();
          rejections.accept(rejection);
        }
      }
    }
    delivery.seal();
    feed.lastRejected = rejected;
    return new Outcome(feed.uri, Status.FETCHED, published, results.size() + " items");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
