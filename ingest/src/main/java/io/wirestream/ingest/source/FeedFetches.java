package io.wirestream.ingest.source;

import io.wirestream.ingest.IngestSink;
import io.wirestream.ingest.feed.FeedPoller;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fetches of one {@link FeedPoller} as a source sees them: counted for the summary and the
 * meters, and ticked off the feeds a one-off run still has to fetch. For the polling thread; the
 * counts may be read from others.
 */
public final class FeedFetches {

  private final AtomicLong fetches = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Set<URI> unfetched = new HashSet<>();

  /** Starts the fetches that are due and takes in the outcomes of those that finished. */
  public void pollDue(FeedPoller poller, IngestSink sink) {
    for (FeedPoller.Outcome outcome :
        poller.pollDue(
            sink.publisher(),
            sink.stats(),
            rejected -> sink.reportRejected(IngestSink.originOf(rejected.location()), rejected))) {
      fetches.incrementAndGet();
      sink.stats().countFetch(outcome.status().name());
      if (outcome.failed()) {
        failures.incrementAndGet();
      }
      unfetched.remove(outcome.feed());
    }
  }

  /** Expects one fetch of every feed of {@code poller} that is not disabled. */
  public void expectAll(FeedPoller poller) {
    for (URI feed : poller.feeds()) {
      expect(poller, feed);
    }
  }

  /** Expects one fetch of {@code feed}, unless it is disabled. */
  public void expect(FeedPoller poller, URI feed) {
    if (!poller.state(feed).disabled()) {
      unfetched.add(feed);
    }
  }

  /** A feed that went away (unregistered) is no longer waited for. */
  public void forget(URI feed) {
    unfetched.remove(feed);
  }

  /** True once every expected feed came to an outcome. */
  public boolean allFetched() {
    return unfetched.isEmpty();
  }

  /** Fetches that came to an outcome. */
  public long fetches() {
    return fetches.get();
  }

  /** Fetches that failed or were deferred. */
  public long failures() {
    return failures.get();
  }
}
