package io.wirestream.ingest.fetch;

import java.io.IOException;
import java.time.Duration;

/** A fetch that came to no usable response, with the reason in words and as a {@link Reason}. */
public final class FetchException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Why a fetch failed; callers decide from it whether to try again. */
  public enum Reason {
    /** The URL's scheme is not http or https (or file, where allowed). */
    SCHEME,
    /** The host resolves to an address fetches may not reach. */
    ADDRESS,
    /** Connecting, waiting for the server, or the whole fetch took too long. */
    TIMEOUT,
    /** The body, as sent or once decompressed, was over its cap. */
    TOO_LARGE,
    /** More redirects than allowed, a redirect loop, or a redirect without a usable Location. */
    REDIRECT,
    /** The host's robots.txt disallows the URL. */
    ROBOTS,
    /**
     * The host asked to be left alone until {@link #retryAfter()} (Retry-After, or robots.txt
     * unavailable).
     */
    DEFERRED,
    /** The body could not be decoded (broken gzip or deflate). */
    ENCODING,
    /** A connection or I/O error. */
    NETWORK
  }

  private final Reason reason;
  private final transient Duration retryAfter;

  public FetchException(Reason reason, String message) {
    this(reason, message, null, null);
  }

  /**
   * @param retryAfter how long from now the host may not be asked, or null
   */
  public FetchException(Reason reason, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  /** How long from when this was thrown the host may not be asked, if known; else null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
