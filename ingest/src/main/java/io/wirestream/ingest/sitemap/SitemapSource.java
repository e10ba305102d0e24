package io.wirestream.ingest.sitemap;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.ingest.ArticleSource;
import io.wirestream.ingest.Delivery;
import io.wirestream.ingest.IngestSink;
import io.wirestream.ingest.fetch.FetchException;
import io.wirestream.ingest.fetch.FetchResponse;
import io.wirestream.ingest.fetch.Fetcher;
import io.wirestream.ingest.fetch.Validators;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.ExtractedPage;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.ingest.state.ContentHash;
import io.wirestream.ingest.state.FeedMark;
import io.wirestream.ingest.state.IngestState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XML sitemaps and Google News sitemaps: each poll reads every sitemap (following indexes within
 * {@code ingest.sitemap.max.depth} and {@code ingest.sitemap.max.sitemaps}), fetches each page not
 * seen before through the shared {@link Fetcher} (robots.txt, per-host limits, size caps) and
 * publishes what {@link PageExtractor} finds in it.
 *
 * <p>Pages seen are kept in the ingest state under {@code feed:sitemap:URL}, one mark per sitemap
 * URL given, so a restarted ingest fetches none of them again. A page counts as seen once its
 * article is acknowledged, or once it is dead-lettered for a reason that will not go away by asking
 * again (HTTP 4xx, robots.txt, no text); a timeout, a 5xx or a 429 is dead-lettered and the page
 * tried again at the next poll.
 *
 * <p>The work runs on a thread of its own, one page at a time, so that the service's thread is
 * never held and one host is never asked twice at once by this source.
 */
public final class SitemapSource implements ArticleSource {

  private static final Logger LOG = LoggerFactory.getLogger(SitemapSource.class);
  private static final String MARK_PREFIX = "sitemap:";
  private static final String REJECTED = "rejected";

  private final List<URI> sitemaps;
  private final String configuredSource;
  private final Fetcher fetcher;
  private final PageExtractor extractor;
  private final IngestState state;
  private final boolean follow;
  private final Duration interval;
  private final int maxDepth;
  private final int maxSitemaps;
  private final Clock clock;
  private final ExecutorService worker;
  private static final long FLUSH_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

  private final Map<URI, Map<String, FeedMark.ItemMark>> seen = new ConcurrentHashMap<>();
  private final Map<URI, AtomicBoolean> dirty = new ConcurrentHashMap<>();

  /** A page handed to the publisher and not yet delivered: its mark, and its delivery. */
  private record HandedOver(FeedMark.ItemMark mark, Delivery delivery) {}

  private final Map<URI, Map<String, HandedOver>> handedOver = new ConcurrentHashMap<>();
  private final Map<URI, AtomicLong> lastFlush = new ConcurrentHashMap<>();
  private final AtomicLong pagesFetched = new AtomicLong();
  private final AtomicLong pagesRejected = new AtomicLong();
  private volatile boolean running;
  private volatile boolean closed;
  private volatile Instant nextDue;
  private volatile int polls;

  public SitemapSource(
      List<URI> sitemaps,
      String source,
      Fetcher fetcher,
      PageExtractor extractor,
      IngestState state,
      boolean follow,
      Duration interval,
      int maxDepth,
      int maxSitemaps,
      Clock clock) {
    this.sitemaps = List.copyOf(sitemaps);
    this.configuredSource = source;
    this.fetcher = fetcher;
    this.extractor = extractor;
    this.state = state;
    this.follow = follow;
    this.interval = interval;
    this.maxDepth = maxDepth;
    this.maxSitemaps = maxSitemaps;
    this.clock = clock;
    this.nextDue = clock.instant();
    for (URI sitemap : this.sitemaps) {
      Map<String, FeedMark.ItemMark> items = new ConcurrentHashMap<>();
      state.feed(markKey(sitemap)).ifPresent(mark -> items.putAll(mark.items()));
      seen.put(sitemap, items);
      dirty.put(sitemap, new AtomicBoolean());
      handedOver.put(sitemap, new ConcurrentHashMap<>());
      lastFlush.put(sitemap, new AtomicLong(System.nanoTime()));
    }
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sitemap-fetch");
              t.setDaemon(true);
              return t;
            });
  }

  /** A source with the {@code ingest.sitemap.*} settings, re-polled every feed poll interval. */
  public static SitemapSource create(
      List<URI> sitemaps,
      String source,
      Fetcher fetcher,
      WirestreamConfig config,
      IngestState state,
      boolean follow) {
    return new SitemapSource(
        sitemaps,
        source,
        fetcher,
        PageExtractor.from(config),
        state,
        follow,
        Duration.ofMillis(config.getLong(WirestreamConfig.INGEST_FEED_POLL_INTERVAL_MS)),
        config.getInt(WirestreamConfig.INGEST_SITEMAP_MAX_DEPTH),
        config.getInt(WirestreamConfig.INGEST_SITEMAP_MAX_SITEMAPS),
        Clock.systemUTC());
  }

  @Override
  public String describe() {
    return sitemaps.size() <= 3 ? "sitemaps " + sitemaps : sitemaps.size() + " sitemaps";
  }

  @Override
  public synchronized void poll(IngestSink sink) {
    if (running || closed || (!follow && polls > 0) || clock.instant().isBefore(nextDue)) {
      return;
    }
    running = true;
    sink.publisher().beforeCommit(this, this::checkpoint);
    worker.execute(
        () -> {
          try {
            for (URI sitemap : sitemaps) {
              if (closed) {
                break;
              }
              pollSitemap(sitemap, sink);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            LOG.warn("sitemap poll failed", e);
          } finally {
            synchronized (this) {
              polls++;
              nextDue = clock.instant().plus(interval);
              running = false;
            }
            sitemaps.forEach(this::flush);
            sink.wake();
          }
        });
  }

  @Override
  public Duration untilDue() {
    if (running || (!follow && polls > 0)) {
      // The worker wakes the service when it finishes.
      return interval;
    }
    Duration left = Duration.between(clock.instant(), nextDue);
    return left.isNegative() ? Duration.ZERO : left;
  }

  @Override
  public synchronized boolean finished() {
    return polls > 0 && !running;
  }

  /** Pages fetched with a response, over the source's life. */
  public long pagesFetched() {
    return pagesFetched.get();
  }

  /** Pages and sitemaps dead-lettered, over the source's life. */
  public long rejected() {
    return pagesRejected.get();
  }

  /** Reads one sitemap URL given, and the sitemaps its indexes list, breadth first. */
  private void pollSitemap(URI root, IngestSink sink) throws InterruptedException {
    ArrayDeque<Map.Entry<URI, Integer>> todo = new ArrayDeque<>();
    Set<URI> queued = new HashSet<>();
    todo.add(Map.entry(root, 0));
    queued.add(root);
    int read = 0;
    Set<String> listed = new HashSet<>();
    boolean complete = true;
    while (!todo.isEmpty() && !closed) {
      Map.Entry<URI, Integer> next = todo.poll();
      URI uri = next.getKey();
      if (read >= maxSitemaps) {
        reject(
            sink,
            uri.toString(),
            "sitemap not read: "
                + (todo.size() + 1)
                + " sitemaps over the "
                + maxSitemaps
                + " of one poll (ingest.sitemap.max.sitemaps)");
        complete = false;
        break;
      }
      read++;
      SitemapReader.Contents contents = readSitemap(uri, sink);
      if (contents == null) {
        complete = false;
        continue;
      }
      for (URI child : contents.sitemaps()) {
        if (next.getValue() >= maxDepth) {
          reject(
              sink,
              uri + "#item " + child,
              "sitemap not read: index deeper than " + maxDepth + " (ingest.sitemap.max.depth)");
          complete = false;
        } else if (queued.add(child)) {
          todo.add(Map.entry(child, next.getValue() + 1));
        }
      }
      if (contents.invalid() > 0) {
        LOG.warn("sitemap {}: {} entries without a valid URL skipped", uri, contents.invalid());
      }
      for (SitemapEntry entry : contents.entries()) {
        if (closed) {
          return;
        }
        listed.add(entry.page().toString());
        ingestPage(root, entry, sink);
      }
    }
    if (complete && !closed) {
      // Pages the sitemaps no longer list are forgotten, as feeds forget items they dropped, so
      // that the mark of a news sitemap (two days of stories) stays small. Only after a poll that
      // read every sitemap: one that failed says nothing of what is still listed.
      Map<String, FeedMark.ItemMark> items = seen.get(root);
      if (items.keySet().retainAll(listed)) {
        dirty.get(root).set(true);
      }
    }
    flush(root);
  }

  private SitemapReader.Contents readSitemap(URI uri, IngestSink sink) throws InterruptedException {
    FetchResponse response;
    try {
      response = fetcher.fetch(uri, Validators.NONE);
    } catch (FetchException e) {
      reject(sink, uri.toString(), "sitemap not fetched: " + e.getMessage());
      return null;
    }
    if (!response.isSuccess()) {
      reject(sink, uri.toString(), "sitemap not fetched: HTTP " + response.status());
      return null;
    }
    try {
      return SitemapReader.read(
          response.body(), response.header("Content-Type").orElse(null), response.uri());
    } catch (SitemapException e) {
      reject(sink, uri.toString(), e.getMessage());
      return null;
    }
  }

  private void ingestPage(URI root, SitemapEntry entry, IngestSink sink)
      throws InterruptedException {
    Map<String, FeedMark.ItemMark> items = seen.get(root);
    String key = entry.page().toString();
    if (items.containsKey(key)) {
      return;
    }
    FetchResponse response;
    try {
      response = fetcher.fetch(entry.page(), Validators.NONE);
    } catch (FetchException e) {
      reject(sink, entry.location(), "page not fetched: " + e.getMessage());
      if (isFinal(e.reason())) {
        markSeen(root, key, REJECTED);
      }
      return;
    }
    pagesFetched.incrementAndGet();
    if (!response.isSuccess()) {
      reject(sink, entry.location(), "page not fetched: HTTP " + response.status());
      int status = response.status();
      if (status >= 400 && status < 500 && status != 408 && status != 429) {
        markSeen(root, key, REJECTED);
      }
      return;
    }
    ExtractedPage page = extractor.extract(response.body(), response.uri(), response.charset());
    ParseResult result =
        SitemapArticles.toArticle(entry, page, SitemapArticles.sourceFor(configuredSource, root));
    if (result instanceof ParseResult.Parsed parsed) {
      Article article = parsed.article();
      String hash =
          ContentHash.ofParts(article.title(), article.body(), article.url(), article.published());
      Map<String, HandedOver> onTheirWay = handedOver.get(root);
      Delivery delivery =
          sink.open(
              root.toString(),
              done -> {
                onTheirWay.remove(key);
                if (done.succeeded()) {
                  markSeen(root, key, hash);
                }
              });
      // This thread is not the one that commits: hand-over and bookkeeping must not be split.
      sink.publisher()
          .atomically(
              () -> {
                if (sink.publish(delivery, article, parsed.location())) {
                  onTheirWay.put(key, new HandedOver(new FeedMark.ItemMark(hash, 0), delivery));
                }
              });
      delivery.seal();
    } else if (result instanceof ParseResult.Rejected rejected) {
      pagesRejected.incrementAndGet();
      sink.reject(null, rejected);
      markSeen(root, key, REJECTED);
    }
  }

  private static boolean isFinal(FetchException.Reason reason) {
    return switch (reason) {
      case SCHEME, ADDRESS, TOO_LARGE, REDIRECT, ROBOTS -> true;
      case TIMEOUT, DEFERRED, ENCODING, NETWORK -> false;
    };
  }

  private void reject(IngestSink sink, String location, String reason) {
    pagesRejected.incrementAndGet();
    sink.reject(null, new ParseResult.Rejected(location, reason));
  }

  private void markSeen(URI root, String page, String hash) {
    seen.get(root).put(page, new FeedMark.ItemMark(hash, 0));
    dirty.get(root).set(true);
    // A mark is a whole value on a compacted topic, every page seen so far: written at most once
    // a second while a poll runs (and at its end), at once for deliveries acknowledged after it.
    if (!running || System.nanoTime() - lastFlush.get(root).get() >= FLUSH_EVERY_NANOS) {
      flush(root);
    }
  }

  /**
   * Before a commit: the mark of every sitemap with pages on their way, those pages counted as
   * seen, for the commit carries them.
   */
  private void checkpoint() {
    for (URI root : sitemaps) {
      Map<String, FeedMark.ItemMark> pending = new LinkedHashMap<>();
      handedOver
          .get(root)
          .forEach(
              (page, item) -> {
                if (item.delivery().undelivered() == 0) {
                  pending.put(page, item.mark());
                }
              });
      if (!pending.isEmpty()) {
        write(root, pending);
      }
    }
  }

  private void flush(URI root) {
    if (!dirty.get(root).getAndSet(false)) {
      return;
    }
    lastFlush.get(root).set(System.nanoTime());
    write(root, Map.of());
  }

  private void write(URI root, Map<String, FeedMark.ItemMark> pending) {
    Map<String, FeedMark.ItemMark> items = seen.get(root);
    Instant now = clock.instant();
    synchronized (items) {
      Map<String, FeedMark.ItemMark> all = new LinkedHashMap<>(items);
      all.putAll(pending);
      state.put(
          new FeedMark(
              markKey(root),
              null,
              null,
              null,
              now,
              200,
              now,
              null,
              0,
              null,
              null,
              all.size(),
              all,
              null));
    }
  }

  private static String markKey(URI sitemap) {
    return MARK_PREFIX + sitemap;
  }

  @Override
  public void close() {
    closed = true;
    // The fetcher is shared with the feeds of this ingest, and its HttpClient needs no closing.
    worker.shutdownNow();
  }
}
