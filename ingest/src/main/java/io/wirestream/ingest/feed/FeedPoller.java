package io.wirestream.ingest.feed;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.Delivery;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.fetch.FetchException;
import io.wirestream.ingest.fetch.FetchResponse;
import io.wirestream.ingest.fetch.FetchSettings;
import io.wirestream.ingest.fetch.Fetcher;
import io.wirestream.ingest.fetch.HostPoliteness;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.ingest.page.PageFetch;
import io.wirestream.ingest.page.PageFetcher;
import io.wirestream.ingest.state.FeedMark;
import io.wirestream.ingest.state.IngestState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches RSS/Atom feeds and publishes their new items, each feed on its own adaptive {@link
 * FeedSchedule}.
 *
 * <p>Fetches run on a bounded pool of threads through one {@link Fetcher}, so a slow feed holds up
 * neither the others nor the caller: {@link #pollDue} starts the fetches that are due and takes in
 * those that finished, without waiting. At most {@code ingest.fetch.host.concurrency} feeds of one
 * host are fetched at a time, and a host still in its pause (or under a Retry-After) is left alone
 * rather than waited for by a thread.
 *
 * <p>Each feed sends back its ETag and Last-Modified, so an unchanged feed costs a 304; a server
 * that sends neither but the same body again is noticed by the body's SHA-256, and nothing is
 * parsed. A feed's items are published once: an id counts as published only once the broker
 * acknowledged it, and is remembered while the feed still lists it. If any item of a fetch is not
 * delivered, the feed's validators and hash are forgotten so that the next fetch reads the whole
 * document again and republishes what was lost. A rejected item is reported on the first fetch that
 * shows it, not on every fetch after.
 *
 * <p>All public methods are for one polling thread.
 */
public final class FeedPoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  /** What one fetch of one feed came to. */
  public enum Status {
    /** Fetched and parsed; new items published. */
    FETCHED,
    /** Unchanged since the last fetch: HTTP 304, or the same body again. */
    NOT_MODIFIED,
    /** Failed (network, HTTP error, malformed document, robots.txt): tried again with backoff. */
    RETRYING,
    /** Not tried: the host asked to be left alone for now (Retry-After, its pause). */
    DEFERRED,
    /** Failed, and the feed is disabled: HTTP 410 Gone, or too many failures in a row. */
    DISABLED
  }

  /** The result of one fetch: {@code published} counts the new articles handed over. */
  public record Outcome(URI feed, Status status, int published, String detail) {

    public boolean failed() {
      return status == Status.RETRYING || status == Status.DEFERRED || status == Status.DISABLED;
    }
  }

  private final List<FeedState> feeds = new ArrayList<>();
  private final FeedParser parser;
  private final Fetcher fetcher;
  private final PageFetcher pages;
  private final HostPoliteness politeness;
  private final FeedSchedule schedule;
  private final int hostConcurrency;
  private final Duration maxWait;
  private final Clock clock;
  private final ExecutorService pool;
  private final BlockingQueue<FeedFetch> finished = new LinkedBlockingQueue<>();
  private final Queue<FeedFetch> taken = new ArrayDeque<>();
  private final Map<String, Integer> busyHosts = new HashMap<>();
  // Feeds not under way, by next due time; and due feeds waiting for their host to be free.
  private final PriorityQueue<FeedState> queue =
      new PriorityQueue<>(Comparator.comparing((FeedState f) -> f.schedule.nextDue()));
  private final Map<String, ArrayDeque<FeedState>> waitingForHost = new HashMap<>();
  // Fetches whose delivery completed, queued by producer threads for the polling thread.
  private final Queue<Completed> completed = new ConcurrentLinkedQueue<>();
  private volatile Runnable onFetchFinished = () -> {};

  private final IngestState state;

  private record Completed(
      FeedState feed, Map<String, FeedMark.ItemMark> items, boolean succeeded) {}

  /**
   * @param threads fetches under way at once
   * @param maxWait how long {@link #pollAll} waits for a host's pause before reporting the feed
   *     deferred
   */
  public FeedPoller(
      List<URI> uris,
      FeedParser parser,
      Fetcher fetcher,
      FeedSchedule schedule,
      int threads,
      int hostConcurrency,
      Duration maxWait,
      Clock clock) {
    this(
        uris,
        parser,
        fetcher,
        schedule,
        threads,
        hostConcurrency,
        maxWait,
        clock,
        IngestState.inMemory());
  }

  /**
   * A poller that starts from, and keeps, the feeds' marks in {@code state}: validators, last body
   * hash, schedule, failures and the items delivered.
   */
  public FeedPoller(
      List<URI> uris,
      FeedParser parser,
      Fetcher fetcher,
      FeedSchedule schedule,
      int threads,
      int hostConcurrency,
      Duration maxWait,
      Clock clock,
      IngestState state) {
    this(uris, parser, fetcher, schedule, threads, hostConcurrency, maxWait, clock, state, null);
  }

  /**
   * Like the constructor above; with {@code pages}, the page each new or changed item links to is
   * fetched and extracted, and gives the article's body ({@link FeedItemArticles}).
   *
   * @param pages null to publish the feed's own text
   */
  public FeedPoller(
      List<URI> uris,
      FeedParser parser,
      Fetcher fetcher,
      FeedSchedule schedule,
      int threads,
      int hostConcurrency,
      Duration maxWait,
      Clock clock,
      IngestState state,
      PageFetcher pages) {
    this.state = state;
    this.pages = pages;
    for (URI uri : uris) {
      FeedState feed = new FeedState(uri, HostPoliteness.hostKey(uri), schedule.newState());
      state.feed(uri.toString()).ifPresent(mark -> FeedMarks.restore(feed, mark));
      feeds.add(feed);
      if (!feed.schedule.disabled()) {
        queue.add(feed);
      }
    }
    this.parser = pages == null ? parser : parser.withPageFallback();
    this.fetcher = fetcher;
    this.politeness = fetcher.politeness();
    this.schedule = schedule;
    this.hostConcurrency = hostConcurrency;
    this.maxWait = maxWait;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "feed-fetch-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** A poller with the {@code ingest.fetch.*} and {@code ingest.feed.*} settings. */
  public static FeedPoller create(
      List<URI> uris, FeedParser parser, WirestreamConfig config, String version) {
    return create(uris, parser, config, version, IngestState.inMemory());
  }

  /** Like {@link #create(List, FeedParser, WirestreamConfig, String)}, keeping marks in state. */
  public static FeedPoller create(
      List<URI> uris,
      FeedParser parser,
      WirestreamConfig config,
      String version,
      IngestState state) {
    FetchSettings settings = FetchSettings.from(config, version);
    return create(
        uris, parser, config, state, new Fetcher(settings, HostPoliteness.from(settings)));
  }

  /**
   * Like {@link #create(List, FeedParser, WirestreamConfig, String, IngestState)}, fetching through
   * {@code fetcher}, so that the feeds share its per-host politeness with other sources.
   */
  public static FeedPoller create(
      List<URI> uris,
      FeedParser parser,
      WirestreamConfig config,
      IngestState state,
      Fetcher fetcher) {
    return new FeedPoller(
        uris,
        parser,
        fetcher,
        new FeedSchedule(
            FeedSchedule.Bounds.from(config),
            Clock.systemUTC(),
            () -> ThreadLocalRandom.current().nextDouble()),
        config.getInt(WirestreamConfig.INGEST_FEED_FETCH_THREADS),
        fetcher.settings().hostConcurrency(),
        fetcher.settings().totalTimeout(),
        Clock.systemUTC(),
        state,
        config.getBoolean(WirestreamConfig.INGEST_FETCH_PAGES)
            ? new PageFetcher(fetcher, PageExtractor.from(config))
            : null);
  }

  /**
   * Returns the URL if it is one a poller can fetch.
   *
   * @throws IllegalArgumentException for other schemes, relative URLs, or file: when not allowed
   */
  public static URI checkUrl(URI uri, boolean allowFile) {
    return Fetcher.checkUrl(uri, allowFile);
  }

  /**
   * Fetches every feed not disabled now, due or not, and waits for all of them (a host's pause
   * included, up to the fetch's total timeout; a feed whose host asks for longer comes back {@link
   * Status#DEFERRED}). Outcomes are in the order the feeds were given.
   */
  public List<Outcome> pollAll(
      ArticlePublisher publisher, IngestStats stats, Consumer<ParseResult.Rejected> rejections)
      throws InterruptedException {
    publisher.beforeCommit(this, this::checkpoint);
    settleDeliveries();
    Instant start = clock.instant();
    Instant limit = start.plus(maxWait);
    Map<FeedState, Outcome> outcomes = new HashMap<>();
    Set<FeedState> pending = new HashSet<>();
    List<FeedState> idle = new ArrayList<>();
    for (FeedState feed : feeds) {
      if (!feed.schedule.disabled()) {
        pending.add(feed);
        if (!feed.inFlight) {
          feed.schedule.nextDue = start;
          idle.add(feed);
        }
      }
    }
    queue.clear();
    waitingForHost.clear();
    queue.addAll(idle);
    while (!pending.isEmpty()) {
      dispatchDue(
          clock.instant(),
          (feed, ready) -> {
            if (ready.isAfter(limit) && pending.remove(feed)) {
              outcomes.put(feed, deferred(feed, ready));
              return true;
            }
            return false;
          });
      if (pending.isEmpty()) {
        break;
      }
      awaitFinished(untilNextDue());
      for (Map.Entry<FeedState, Outcome> done : takeFinished(publisher, stats, rejections)) {
        if (pending.remove(done.getKey())) {
          outcomes.put(done.getKey(), done.getValue());
        }
      }
    }
    List<Outcome> ordered = new ArrayList<>();
    for (FeedState feed : feeds) {
      Outcome outcome = outcomes.get(feed);
      if (outcome != null) {
        ordered.add(outcome);
      }
    }
    return ordered;
  }

  /**
   * Takes in the fetches that finished and starts those that are due, without waiting for any:
   * returns the outcomes of the finished ones.
   */
  public List<Outcome> pollDue(
      ArticlePublisher publisher, IngestStats stats, Consumer<ParseResult.Rejected> rejections) {
    publisher.beforeCommit(this, this::checkpoint);
    settleDeliveries();
    List<Outcome> outcomes = new ArrayList<>();
    for (Map.Entry<FeedState, Outcome> done : takeFinished(publisher, stats, rejections)) {
      outcomes.add(done.getValue());
    }
    dispatchDue(clock.instant(), (feed, ready) -> false);
    return outcomes;
  }

  /** Decides about a feed whose host cannot be asked before {@code ready}; true if it did. */
  private interface HostNotReady {
    boolean handle(FeedState feed, Instant ready);
  }

  /**
   * Starts the feeds that are due: a feed whose host is busy waits for that fetch to finish, one
   * whose host is in its pause is put back until the pause is over.
   */
  private void dispatchDue(Instant now, HostNotReady notReady) {
    while (!queue.isEmpty() && !queue.peek().schedule.nextDue().isAfter(now)) {
      FeedState feed = queue.poll();
      if (hostFull(feed)) {
        waitingForHost.computeIfAbsent(feed.hostKey, k -> new ArrayDeque<>()).add(feed);
        continue;
      }
      Instant ready = now.plus(politeness.untilReady(feed.uri));
      if (ready.isAfter(now)) {
        if (!notReady.handle(feed, ready)) {
          schedule.deferredUntil(feed.schedule, ready);
        }
        queue.add(feed);
      } else {
        dispatch(feed);
      }
    }
  }

  /**
   * Time until a feed is next due, not counting feeds whose host is busy (a finishing fetch frees
   * it, and {@link #awaitFinished} wakes for that); zero if one is due now.
   */
  public Duration untilNextDue() {
    FeedState next = queue.peek();
    if (next == null) {
      return Duration.ofMinutes(1);
    }
    Instant now = clock.instant();
    Instant due = next.schedule.nextDue();
    return due.isAfter(now) ? Duration.between(now, due) : Duration.ZERO;
  }

  /**
   * Waits up to {@code max} for a fetch under way to finish; returns at once if one has.
   *
   * @return true if a finished fetch is waiting to be taken in
   */
  public boolean awaitFinished(Duration max) throws InterruptedException {
    if (!taken.isEmpty()) {
      return true;
    }
    FeedFetch done = finished.poll(max.toNanos(), TimeUnit.NANOSECONDS);
    if (done != null) {
      taken.add(done);
    }
    return done != null;
  }

  /**
   * Called on a fetch thread each time a fetch finishes, so that a caller that waits for several
   * kinds of work can wake and call {@link #pollDue}.
   */
  public void onFetchFinished(Runnable listener) {
    this.onFetchFinished = listener;
  }

  /**
   * Starts polling a feed from its mark in the state (due at once if it has none); nothing if it is
   * polled already.
   */
  public void add(URI uri) {
    if (feeds.stream().anyMatch(f -> f.uri.equals(uri))) {
      return;
    }
    FeedState feed = new FeedState(uri, HostPoliteness.hostKey(uri), schedule.newState());
    state.feed(uri.toString()).ifPresent(mark -> FeedMarks.restore(feed, mark));
    feeds.add(feed);
    if (!feed.schedule.disabled()) {
      queue.add(feed);
    }
  }

  /** Stops polling a feed; a fetch of it under way is dropped when it finishes. */
  public void remove(URI uri) {
    for (FeedState feed : List.copyOf(feeds)) {
      if (feed.uri.equals(uri)) {
        feed.removed = true;
        feeds.remove(feed);
        queue.remove(feed);
        waitingForHost.values().forEach(waiting -> waiting.remove(feed));
      }
    }
  }

  /** Makes every feed not disabled due now, whatever its schedule says (a one-off run). */
  public void dueNow() {
    Instant now = clock.instant();
    queue.clear();
    for (FeedState feed : feeds) {
      if (!feed.schedule.disabled() && !feed.inFlight) {
        feed.schedule.nextDue = now;
        queue.add(feed);
      }
    }
  }

  /** The feeds this poller polls, in the order given. */
  public List<URI> feeds() {
    return feeds.stream().map(f -> f.uri).toList();
  }

  /** Fetches under way. */
  public int inFlight() {
    return (int) feeds.stream().filter(f -> f.inFlight).count();
  }

  /** The schedule of a feed: its next due time, failures, and why it is disabled if it is. */
  public FeedSchedule.State state(URI uri) {
    return feeds.stream().filter(f -> f.uri.equals(uri)).findFirst().orElseThrow().schedule;
  }

  private boolean hostFull(FeedState feed) {
    return busyHosts.getOrDefault(feed.hostKey, 0) >= hostConcurrency;
  }

  private void dispatch(FeedState feed) {
    feed.inFlight = true;
    busyHosts.merge(feed.hostKey, 1, Integer::sum);
    URI uri = feed.uri;
    var validators = feed.validators;
    byte[] lastHash = feed.lastHash;
    Map<String, FeedMark.ItemMark> known = pages == null ? Map.of() : new HashMap<>(feed.published);
    Set<String> inFlightIds = pages == null ? Set.of() : Set.copyOf(feed.inFlightItems.keySet());
    pool.execute(
        () -> {
          finished.add(
              FeedFetch.run(
                  feed, uri, validators, lastHash, fetcher, parser, pages, known, inFlightIds));
          onFetchFinished.run();
        });
  }

  private List<Map.Entry<FeedState, Outcome>> takeFinished(
      ArticlePublisher publisher, IngestStats stats, Consumer<ParseResult.Rejected> rejections) {
    finished.drainTo(taken);
    List<Map.Entry<FeedState, Outcome>> outcomes = new ArrayList<>();
    for (FeedFetch done = taken.poll(); done != null; done = taken.poll()) {
      FeedState feed = done.feed();
      feed.inFlight = false;
      busyHosts.computeIfPresent(feed.hostKey, (k, n) -> n <= 1 ? null : n - 1);
      if (feed.removed) {
        // Polled elsewhere now: its new owner fetches it, and publishing here could repeat that.
      } else {
        outcomes.add(Map.entry(feed, settle(done, publisher, stats, rejections)));
        if (!feed.schedule.disabled()) {
          queue.add(feed);
        }
      }
      ArrayDeque<FeedState> waiting = waitingForHost.get(feed.hostKey);
      if (waiting != null) {
        FeedState next = waiting.poll();
        if (next != null) {
          queue.add(next);
        }
        if (waiting.isEmpty()) {
          waitingForHost.remove(feed.hostKey);
        }
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
      FeedState feed = done.feed();
      done.items().keySet().forEach(feed.inFlightItems::remove);
      if (done.succeeded()) {
        feed.published.putAll(done.items());
        feed.itemsSeen += done.items().size();
        if (feed.inFlightItems.isEmpty()) {
          save(feed);
        }
      } else {
        feed.forgetVersion();
        LOG.warn(
            "feed {}: items not acknowledged by the broker; the next fetch publishes them again",
            feed.uri);
        save(feed);
      }
    }
  }

  private Outcome settle(
      FeedFetch done,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections) {
    FeedState feed = done.feed();
    feed.lastFetch = clock.instant();
    feed.lastStatus = done.response() == null ? 0 : done.response().status();
    Outcome outcome = settleFetch(done, publisher, stats, rejections);
    // With items on their way, the mark waits for their delivery: saved now, with the new
    // validators, a crash before the items are safe would make the next run skip them as seen.
    if (feed.inFlightItems.isEmpty()) {
      save(feed);
    }
    return outcome;
  }

  private void save(FeedState feed) {
    state.put(FeedMarks.of(feed));
  }

  /**
   * Before a commit: the mark of every feed with items on their way, those items counted as
   * published, for the commit carries them. Validators stay those of the last body whose items were
   * all handed over, so a restart after a commit in the middle of a feed fetches it again.
   */
  private void checkpoint() {
    for (FeedState feed : feeds) {
      if (feed.inFlightItems.isEmpty()) {
        continue;
      }
      Map<String, FeedMark.ItemMark> handedOver = new HashMap<>();
      feed.inFlightItems.forEach(
          (id, item) -> {
            if (item.delivery().undelivered() == 0) {
              handedOver.put(id, item.mark());
            }
          });
      state.put(FeedMarks.of(feed, handedOver));
    }
  }

  private Outcome settleFetch(
      FeedFetch done,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections) {
    FeedState feed = done.feed();
    Instant now = clock.instant();
    if (done.error() instanceof FetchException e) {
      return switch (e.reason()) {
        case DEFERRED ->
            deferred(feed, now.plus(e.retryAfter() == null ? maxWait : e.retryAfter()));
        case ROBOTS -> failed(feed, e.getMessage(), false, now.plus(Duration.ofDays(365)));
        default -> failed(feed, e.getMessage(), false, null);
      };
    }
    if (done.error() instanceof FeedParseException e) {
      String prefix = feed.uri + ": ";
      String detail = e.getMessage();
      return failed(
          feed,
          detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail,
          false,
          null);
    }
    if (done.error() != null) {
      return failed(feed, done.error().toString(), false, null);
    }
    FetchResponse response = done.response();
    if (response.isNotModified()) {
      schedule.afterSuccess(feed.schedule, hint(feed.lastHints, response, now), 0);
      return new Outcome(feed.uri, Status.NOT_MODIFIED, 0, "not modified");
    }
    if (!response.isSuccess()) {
      int code = response.status();
      Instant retryAt = null;
      if (code == 429 || code == 503) {
        Duration wait = politeness.untilReady(feed.uri);
        retryAt = wait.isZero() ? null : now.plus(wait);
      }
      return failed(feed, "HTTP " + code, code == 410, retryAt);
    }
    if (done.unchanged()) {
      feed.validators = response.validators();
      feed.lastHash = done.hash();
      schedule.afterSuccess(feed.schedule, hint(feed.lastHints, response, now), 0);
      return new Outcome(feed.uri, Status.NOT_MODIFIED, 0, "same body as last time");
    }
    feed.lastHints = done.parsed().hints();
    done.pages().values().forEach(page -> stats.countPage(page.outcome().label()));
    Outcome outcome =
        publish(feed, done.parsed().items(), done.pages(), publisher, stats, rejections);
    // A usable document: remember how to recognise it next time. Only now: a commit in the middle
    // of the items must not save validators that would make a restart skip the rest of them.
    feed.validators = response.validators();
    feed.lastHash = done.hash();
    schedule.afterSuccess(feed.schedule, hint(feed.lastHints, response, now), outcome.published());
    return outcome;
  }

  private static Optional<Duration> hint(FeedHints hints, FetchResponse response, Instant now) {
    return Freshness.of(hints, response.headers(), now);
  }

  private Outcome failed(FeedState feed, String detail, boolean gone, Instant retryAt) {
    schedule.afterFailure(feed.schedule, gone, detail, retryAt);
    if (feed.schedule.disabled()) {
      LOG.warn("feed {}: {}; disabled: {}", feed.uri, detail, feed.schedule.disabledReason());
      return new Outcome(feed.uri, Status.DISABLED, 0, detail);
    }
    LOG.warn(
        "feed {}: {}; next try in {} s",
        feed.uri,
        detail,
        Duration.between(clock.instant(), feed.schedule.nextDue()).toSeconds());
    return new Outcome(feed.uri, Status.RETRYING, 0, detail);
  }

  private Outcome deferred(FeedState feed, Instant until) {
    schedule.deferredUntil(feed.schedule, until);
    String detail = "host asks to wait until " + until;
    LOG.info("feed {}: {}", feed.uri, detail);
    return new Outcome(feed.uri, Status.DEFERRED, 0, detail);
  }

  /**
   * Publishes the items not published before. A rejection is reported the first time; a feed
   * repeats its items on every fetch, and the same complaint every few minutes is noise.
   */
  private Outcome publish(
      FeedState feed,
      List<ParseResult> results,
      Map<String, PageFetch> pageFetches,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections) {
    int published = 0;
    Set<ParseResult.Rejected> rejected = new HashSet<>();
    Set<String> listed = new HashSet<>();
    Map<String, FeedMark.ItemMark> items = new HashMap<>();
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
              completed.add(new Completed(feed, items, d.succeeded()));
            });
    for (ParseResult result : results) {
      ParseResult.Rejected rejection = null;
      if (result instanceof ParseResult.Parsed parsed) {
        String id = parsed.article().id();
        listed.add(id);
        String hash = FeedMarks.contentHash(parsed.article());
        FeedMark.ItemMark seen = feed.published.get(id);
        boolean changed = seen == null || !seen.sha256().equals(hash);
        if (changed && !feed.inFlightItems.containsKey(id)) {
          // Same GUID, new content: a correction, published again under the id it first had.
          int revision = seen == null ? 0 : seen.revision() + 1;
          ParseResult article =
              FeedItemArticles.toArticle(
                  parsed,
                  pageFetches.get(id),
                  seen == null ? null : seen.articleIdOr(id),
                  revision);
          if (article instanceof ParseResult.Parsed ready) {
            String refused = publisher.publish(delivery, ready.article(), ready.location());
            if (refused == null) {
              FeedMark.ItemMark mark = new FeedMark.ItemMark(hash, revision, ready.article().id());
              feed.inFlightItems.put(id, new FeedState.HandedOver(mark, delivery));
              items.put(id, mark);
              published++;
            } else {
              rejection = new ParseResult.Rejected(parsed.location(), refused);
            }
          } else {
            rejection = (ParseResult.Rejected) article;
          }
        }
      } else if (result instanceof ParseResult.Rejected r) {
        rejection = r;
      }
      if (rejection != null) {
        rejected.add(rejection);
        if (!feed.lastRejected.contains(rejection)) {
          stats.countRejected(rejection.reason());
          delivery.countRejected();
          rejections.accept(rejection);
        }
      }
    }
    delivery.seal();
    feed.published.keySet().retainAll(listed);
    feed.lastRejected = rejected;
    return new Outcome(feed.uri, Status.FETCHED, published, results.size() + " items");
  }

  /**
   * Stops fetching. Deliveries completed by now are taken in first, so that their feeds' marks are
   * saved: a caller that waited for the publisher leaves nothing to fetch twice.
   */
  @Override
  public void close() {
    settleDeliveries();
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("feed fetches still under way at shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    fetcher.close();
  }
}
