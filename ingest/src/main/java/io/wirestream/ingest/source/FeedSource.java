package io.wirestream.ingest.source;

import io.wirestream.ingest.ArticleSource;
import io.wirestream.ingest.IngestSink;
import io.wirestream.ingest.feed.FeedPoller;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds (RSS 2.0, RSS 1.0, Atom, JSON Feed) polled by a {@link FeedPoller}, each on its own
 * schedule. The source is finished once every feed has been fetched once (or reported deferred or
 * failed); following, it keeps polling. Fetches run on the poller's threads and wake the service
 * when they finish.
 */
public final class FeedSource implements ArticleSource {

  private final FeedPoller poller;
  private final Set<URI> unfetched;
  private final AtomicLong fetches = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private boolean listening;

  /**
   * @param follow false for a one-off run: every feed not disabled is fetched now, whatever its
   *     schedule from an earlier run says
   */
  public FeedSource(FeedPoller poller, boolean follow) {
    this.poller = poller;
    this.unfetched = new HashSet<>();
    for (URI feed : poller.feeds()) {
      if (!poller.state(feed).disabled()) {
        unfetched.add(feed);
      }
    }
    if (!follow) {
      poller.dueNow();
    }
  }

  @Override
  public String describe() {
    List<URI> feeds = poller.feeds();
    return feeds.size() <= 3 ? "feeds " + feeds : feeds.size() + " feeds";
  }

  @Override
  public void poll(IngestSink sink) {
    if (!listening) {
      poller.onFetchFinished(sink::wake);
      listening = true;
    }
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

  @Override
  public Duration untilDue() {
    return poller.untilNextDue();
  }

  @Override
  public boolean finished() {
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

  @Override
  public void close() {
    poller.close();
  }
}
