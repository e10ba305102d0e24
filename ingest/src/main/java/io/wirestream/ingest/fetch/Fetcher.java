package io.wirestream.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches one URL for a caller, safely and politely: http and https only (file: where allowed),
 * never an address that is not public unless allowed (checked again at every redirect), redirects
 * followed up to a limit and never in a loop, the body capped as sent and once decompressed, a
 * total deadline that a trickling server cannot stretch, the host's turn, pause, robots.txt and
 * Retry-After respected. Thread-safe; one instance serves every caller so that politeness is
 * shared.
 */
public final class Fetcher implements AutoCloseable {

  /** robots.txt beyond this is ignored (the limit Google documents). */
  static final int MAX_ROBOTS_BYTES = 512 * 1024;

  /** Error pages are read this far, then dropped: their body is never used. */
  private static final int MAX_ERROR_BYTES = 64 * 1024;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final FetchSettings settings;
  private final HostPoliteness politeness;
  private final AddressPolicy addresses;
  private final HttpClient client;
  private final Clock clock;
  private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();

  public Fetcher(FetchSettings settings, HostPoliteness politeness) {
    this(
        settings,
        politeness,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        new AddressPolicy(settings.allowPrivate()),
        Clock.systemUTC());
  }

  /**
   * A fetcher that may also reach the given hosts ({@code scheme://name:port}) whatever their
   * address: a caller's own server on loopback, where {@code ingest.fetch.allow.private} stays off
   * for everything else.
   */
  public Fetcher(FetchSettings settings, HostPoliteness politeness, Set<String> exemptHosts) {
    this(
        settings,
        politeness,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        new AddressPolicy(settings.allowPrivate()).exempting(exemptHosts),
        Clock.systemUTC());
  }

  Fetcher(
      FetchSettings settings,
      HostPoliteness politeness,
      HttpClient client,
      AddressPolicy addresses,
      Clock clock) {
    this.settings = settings;
    this.politeness = politeness;
    this.addresses = addresses;
    this.client = client;
    this.clock = clock;
  }

  public FetchSettings settings() {
    return settings;
  }

  public HostPoliteness politeness() {
    return politeness;
  }

  /**
   * Returns the URL if a fetcher with these settings can fetch it.
   *
   * @throws IllegalArgumentException for other schemes, relative URLs, or file: when not allowed
   */
  public static URI checkUrl(URI uri, boolean allowFile) {
    String scheme = scheme(uri);
    boolean ok =
        switch (scheme) {
          case "http", "https" -> uri.getHost() != null;
          case "file" -> uri.getPath() != null;
          default -> false;
        };
    if (!ok) {
      throw new IllegalArgumentException("not a feed URL (http:, https: or file:): " + uri);
    }
    if (scheme.equals("file") && !allowFile) {
      throw new IllegalArgumentException(
          "file: URLs are off (set ingest.fetch.allow.file=true to read local files): " + uri);
    }
    return uri;
  }

  private static String scheme(URI uri) {
    return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
  }

  /**
   * Fetches the URL, sending the validators; a 304 comes back as a response without body, and so
   * does any other non-2xx status after redirects.
   *
   * @throws FetchException with the reason the fetch came to nothing
   */
  public FetchResponse fetch(URI uri, Validators validators)
      throws FetchException, InterruptedException {
    long deadlineNanos = System.nanoTime() + settings.totalTimeout().toNanos();
    Instant deadline = clock.instant().plus(settings.totalTimeout());
    if (scheme(uri).equals("file")) {
      return readFile(uri);
    }
    URI current = uri;
    Set<URI> visited = new HashSet<>();
    visited.add(current.normalize());
    for (int hop = 0; ; hop++) {
      requireHttp(current, hop);
      addresses.check(current);
      HttpResponse<byte[]> response;
      try (HostPoliteness.Permit permit = politeness.acquire(current, deadline)) {
        BaseRobotRules rules = permit.robots();
        if (rules == null) {
          rules = fetchRobots(current, deadlineNanos);
          permit.setRobots(rules);
          permit.betweenRequests(deadline);
        }
        if (rules.isDeferVisits()) {
          throw new FetchException(
              FetchException.Reason.DEFERRED,
              "robots.txt of " + HostPoliteness.hostKey(current) + " could not be fetched",
              Duration.between(clock.instant(), permit.robotsExpiry()),
              null);
        }
        if (!rules.isAllowed(current.toString())) {
          throw new FetchException(FetchException.Reason.ROBOTS, "robots.txt disallows " + current);
        }
        response = exchange(current, validators, deadlineNanos, settings.maxBytes());
        if (response.statusCode() == 429 || response.statusCode() == 503) {
          Instant now = clock.instant();
          response
              .headers()
              .firstValue("Retry-After")
              .flatMap(v -> RetryAfter.parse(v, now))
              .ifPresent(until -> politeness.deferHost(response.uri(), until));
        }
      }
      int status = response.statusCode();
      if (REDIRECTS.contains(status)) {
        current = redirectTarget(current, response, hop, visited);
        continue;
      }
      byte[] body = new byte[0];
      if (status >= 200 && status <= 299) {
        body =
            ContentDecoding.decode(
                response.body(),
                response.headers().firstValue("Content-Encoding").orElse(null),
                settings.maxDecodedBytes());
      }
      return new FetchResponse(current, status, response.headers(), body);
    }
  }

  private void requireHttp(URI uri, int hop) throws FetchException {
    String scheme = scheme(uri);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(
          hop == 0 ? FetchException.Reason.SCHEME : FetchException.Reason.REDIRECT,
          (hop == 0 ? "" : "redirected to ") + "a " + scheme + ": URL, not http or https: " + uri);
    }
    if (uri.getHost() == null) {
      throw new FetchException(FetchException.Reason.SCHEME, "no host in " + uri);
    }
  }

  private URI redirectTarget(URI from, HttpResponse<byte[]> response, int hop, Set<URI> visited)
      throws FetchException {
    if (hop >= settings.maxRedirects()) {
      throw new FetchException(
          FetchException.Reason.REDIRECT,
          "more than " + settings.maxRedirects() + " redirects (last to " + from + ")");
    }
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new FetchException(
                        FetchException.Reason.REDIRECT,
                        "HTTP " + response.statusCode() + " without Location from " + from));
    URI next;
    try {
      next = from.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Reason.REDIRECT, "unusable Location '" + location + "' from " + from);
    }
    if (!visited.add(next.normalize())) {
      throw new FetchException(
          FetchException.Reason.REDIRECT, "redirect loop: " + from + " leads back to " + next);
    }
    return next;
  }

  /**
   * Fetches and parses the host's robots.txt, under the permit already held for the host: 4xx
   * allows everything, 5xx or no answer defers visits (the robots.txt convention, RFC 9309).
   */
  private BaseRobotRules fetchRobots(URI uri, long deadlineNanos) throws InterruptedException {
    URI robots = uri.resolve("/robots.txt");
    try {
      URI current = robots;
      Set<URI> visited = new HashSet<>(List.of(robots));
      for (int hop = 0; ; hop++) {
        requireHttp(current, hop);
        addresses.check(current);
        HttpResponse<byte[]> response =
            exchange(current, Validators.NONE, deadlineNanos, MAX_ROBOTS_BYTES);
        int status = response.statusCode();
        if (REDIRECTS.contains(status)) {
          current = redirectTarget(current, response, hop, visited);
          continue;
        }
        if (status < 200 || status > 299) {
          return robotsParser.failedFetch(status);
        }
        byte[] body =
            ContentDecoding.decode(
                response.body(),
                response.headers().firstValue("Content-Encoding").orElse(null),
                MAX_ROBOTS_BYTES * 4);
        return robotsParser.parseContent(
            robots.toString(),
            body,
            response.headers().firstValue("Content-Type").orElse("text/plain"),
            List.of(FetchSettings.ROBOT_NAME));
      }
    } catch (FetchException e) {
      if (e.reason() == FetchException.Reason.TOO_LARGE) {
        // Too big to be a real robots.txt: treated like none, as crawlers commonly do.
        return robotsParser.failedFetch(404);
      }
      return robotsParser.failedFetch(503);
    }
  }

  /**
   * One request and its response, the body read to a cap; the waiting thread wakes regularly to cut
   * off a server that went silent or took too long altogether.
   */
  private HttpResponse<byte[]> exchange(
      URI uri, Validators validators, long deadlineNanos, int maxBytes)
      throws FetchException, InterruptedException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw totalTimeout(uri);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(min(settings.readTimeout(), Duration.ofNanos(remaining)))
            .header("User-Agent", settings.userAgent())
            .header("Accept-Encoding", "gzip, deflate")
            .header(
                "Accept",
                "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
                    + " text/xml;q=0.9, */*;q=0.1");
    if (validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    AtomicReference<BoundedBody> body = new AtomicReference<>();
    HttpResponse.BodyHandler<byte[]> handler =
        info -> {
          boolean success = info.statusCode() >= 200 && info.statusCode() <= 299;
          BoundedBody b =
              success ? new BoundedBody(maxBytes, false) : new BoundedBody(MAX_ERROR_BYTES, true);
          body.set(b);
          return b;
        };
    CompletableFuture<HttpResponse<byte[]>> future;
    try {
      future = client.sendAsync(request.build(), handler);
    } catch (IllegalArgumentException e) {
      throw new FetchException(FetchException.Reason.SCHEME, "cannot request " + uri, null, e);
    }
    long readTimeout = settings.readTimeout().toNanos();
    long slice = Math.max(TimeUnit.MILLISECONDS.toNanos(10), readTimeout / 4);
    try {
      while (true) {
        remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
          throw abort(future, body.get(), totalTimeout(uri));
        }
        try {
          return future.get(Math.min(slice, remaining), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          BoundedBody b = body.get();
          if (b != null && System.nanoTime() - b.lastActivityNanos() > readTimeout) {
            throw abort(
                future,
                b,
                new FetchException(
                    FetchException.Reason.TIMEOUT,
                    uri
                        + ": no data for "
                        + settings.readTimeout().toMillis()
                        + " ms (ingest.fetch.read.timeout.ms)"));
          }
        }
      }
    } catch (ExecutionException e) {
      throw translate(uri, e.getCause());
    } catch (InterruptedException e) {
      abort(future, body.get(), new FetchException(FetchException.Reason.NETWORK, "interrupted"));
      throw e;
    }
  }

  private FetchException totalTimeout(URI uri) {
    return new FetchException(
        FetchException.Reason.TIMEOUT,
        uri
            + ": took longer than "
            + settings.totalTimeout().toMillis()
            + " ms altogether (ingest.fetch.total.timeout.ms)");
  }

  private static FetchException abort(
      CompletableFuture<?> future, BoundedBody body, FetchException reason) {
    if (body != null) {
      body.abort(reason);
    }
    future.cancel(true);
    return reason;
  }

  private FetchException translate(URI uri, Throwable cause) {
    if (cause instanceof FetchException e) {
      return e;
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new FetchException(
          FetchException.Reason.TIMEOUT,
          uri + ": no connection within " + settings.connectTimeout().toMillis() + " ms",
          null,
          cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new FetchException(
          FetchException.Reason.TIMEOUT,
          uri + ": no response within " + settings.readTimeout().toMillis() + " ms",
          null,
          cause);
    }
    if (cause instanceof IOException && cause.getCause() instanceof FetchException e) {
      return e;
    }
    String what = cause instanceof ConnectException ? "cannot connect" : "network error";
    return new FetchException(
        FetchException.Reason.NETWORK, uri + ": " + what + ": " + cause, null, cause);
  }

  private FetchResponse readFile(URI uri) throws FetchException {
    if (!settings.allowFile()) {
      throw new FetchException(
          FetchException.Reason.SCHEME, "file: URLs are off (ingest.fetch.allow.file): " + uri);
    }
    try {
      Path path = Path.of(uri);
      try (InputStream in = Files.newInputStream(path)) {
        byte[] bytes = in.readNBytes(settings.maxDecodedBytes() + 1);
        if (bytes.length > settings.maxDecodedBytes()) {
          throw new FetchException(
              FetchException.Reason.TOO_LARGE,
              uri + ": larger than " + settings.maxDecodedBytes() + " bytes");
        }
        return new FetchResponse(uri, 200, FetchResponse.NO_HEADERS, bytes);
      }
    } catch (FetchException e) {
      throw e;
    } catch (NoSuchFileException e) {
      throw new FetchException(FetchException.Reason.NETWORK, "no such file " + uri, null, e);
    } catch (IOException | IllegalArgumentException e) {
      throw new FetchException(FetchException.Reason.NETWORK, uri + ": " + e, null, e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void close() {
    // HttpClient gained close() only in Java 21; its threads end once it is unreachable.
  }
}
