package io.wirestream.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The manners every request to one host shares, whoever makes it: at most {@code concurrency}
 * requests under way, a pause between the end of one and the start of the next (the longer of the
 * configured delay and the robots.txt Crawl-delay), the host's robots.txt rules, and a Retry-After
 * the host sent, which holds for all its URLs. A host is a scheme, name and port.
 */
public final class HostPoliteness {

  /** How long robots.txt that could not be fetched keeps the host off limits at most. */
  static final Duration ROBOTS_RETRY = Duration.ofMinutes(10);

  private final Duration delay;
  private final int concurrency;
  private final Duration robotsTtl;
  private final Clock clock;
  private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

  public HostPoliteness(Duration delay, int concurrency, Duration robotsTtl, Clock clock) {
    this.delay = delay;
    this.concurrency = concurrency;
    this.robotsTtl = robotsTtl;
    this.clock = clock;
  }

  public static HostPoliteness from(FetchSettings settings) {
    return new HostPoliteness(
        settings.hostDelay(), settings.hostConcurrency(), settings.robotsTtl(), Clock.systemUTC());
  }

  /** {@code scheme://host:port}, the unit politeness applies to. */
  public static String hostKey(URI uri) {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port < 0) {
      port = "https".equals(scheme) ? 443 : 80;
    }
    return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
  }

  private static final class Host {
    final Semaphore permits;
    // Guarded by this Host.
    Instant nextAllowed = Instant.MIN;
    Instant retryAfter = Instant.MIN;
    BaseRobotRules robots;
    Instant robotsExpiry = Instant.MIN;

    Host(int concurrency) {
      permits = new Semaphore(concurrency, true);
    }
  }

  private Host host(URI uri) {
    return hosts.computeIfAbsent(hostKey(uri), k -> new Host(concurrency));
  }

  /**
   * When a request to the URL's host could start at the earliest, going by the pause after the last
   * request and any Retry-After; a scheduler uses it to leave a host alone instead of holding a
   * thread that waits.
   */
  public Instant readyAt(URI uri) {
    Host host = hosts.get(hostKey(uri));
    if (host == null) {
      return Instant.MIN;
    }
    synchronized (host) {
      return later(host.nextAllowed, host.retryAfter);
    }
  }

  /** How long until a request to the URL's host could start; zero if it could now. */
  public Duration untilReady(URI uri) {
    Duration wait = Duration.between(clock.instant(), readyAt(uri));
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /** Records that the host asked to be left alone until then (Retry-After on 429 or 503). */
  public void deferHost(URI uri, Instant until) {
    Host host = host(uri);
    synchronized (host) {
      host.retryAfter = later(host.retryAfter, until);
    }
  }

  /**
   * Waits for a turn at the URL's host; the request is made while the permit is held and the pause
   * counted from its closing.
   *
   * @param deadline give up rather than wait past this
   * @throws FetchException DEFERRED if the host may not be asked before the deadline, TIMEOUT if
   *     other requests to it hold it past the deadline
   */
  public Permit acquire(URI uri, Instant deadline) throws FetchException, InterruptedException {
    Host host = host(uri);
    checkRetryAfter(host, uri, deadline);
    long waitMillis = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    if (!host.permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
      throw new FetchException(
          FetchException.Reason.TIMEOUT,
          "other requests to " + hostKey(uri) + " held it past the fetch's deadline");
    }
    Permit permit = new Permit(host, uri);
    try {
      permit.awaitTurn(deadline);
      return permit;
    } catch (FetchException | InterruptedException | RuntimeException e) {
      host.permits.release();
      throw e;
    }
  }

  private void checkRetryAfter(Host host, URI uri, Instant deadline) throws FetchException {
    Instant until;
    synchronized (host) {
      until = host.retryAfter;
    }
    if (until.isAfter(deadline)) {
      throw new FetchException(
          FetchException.Reason.DEFERRED,
          hostKey(uri) + " asked to be left alone until " + until,
          Duration.between(clock.instant(), until),
          null);
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** One turn at a host: the right to make requests to it until closed. */
  public final class Permit implements AutoCloseable {
    private final Host host;
    private final URI uri;
    private boolean closed;

    private Permit(Host host, URI uri) {
      this.host = host;
      this.uri = uri;
    }

    /** Sleeps until the host's pause (and any Retry-After) is over. */
    void awaitTurn(Instant deadline) throws FetchException, InterruptedException {
      Instant ready;
      synchronized (host) {
        ready = later(host.nextAllowed, host.retryAfter);
      }
      if (ready.isAfter(deadline)) {
        throw new FetchException(
            FetchException.Reason.DEFERRED,
            hostKey(uri) + " may not be asked again before " + ready,
            Duration.between(clock.instant(), ready),
            null);
      }
      Duration wait = Duration.between(clock.instant(), ready);
      if (!wait.isNegative() && !wait.isZero()) {
        Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
      }
    }

    /** The host's robots.txt rules, or null if they must be fetched (first time, or expired). */
    public BaseRobotRules robots() {
      synchronized (host) {
        return clock.instant().isBefore(host.robotsExpiry) ? host.robots : null;
      }
    }

    /**
     * Keeps the host's robots.txt rules; rules that defer visits (robots.txt unavailable) are kept
     * for a shorter time.
     */
    public void setRobots(BaseRobotRules rules) {
      Duration keep = robotsTtl;
      if (rules.isDeferVisits() && keep.compareTo(ROBOTS_RETRY) > 0) {
        keep = ROBOTS_RETRY;
      }
      synchronized (host) {
        host.robots = rules;
        host.robotsExpiry = clock.instant().plus(keep);
      }
    }

    /** Until when robots.txt rules are kept. */
    public Instant robotsExpiry() {
      synchronized (host) {
        return host.robotsExpiry;
      }
    }

    /** Ends a request made under this permit and waits the host's pause before the next one. */
    public void betweenRequests(Instant deadline) throws FetchException, InterruptedException {
      markEnd();
      awaitTurn(deadline);
    }

    private void markEnd() {
      synchronized (host) {
        Duration pause = delay;
        if (host.robots != null && host.robots.getCrawlDelay() > 0) {
          Duration crawlDelay = Duration.ofMillis(host.robots.getCrawlDelay());
          if (crawlDelay.compareTo(pause) > 0) {
            pause = crawlDelay;
          }
        }
        host.nextAllowed = clock.instant().plus(pause);
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        markEnd();
        host.permits.release();
      }
    }
  }
}
