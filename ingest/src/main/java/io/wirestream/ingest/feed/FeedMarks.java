package io.wirestream.ingest.feed;

import io.wirestream.common.model.Article;
import io.wirestream.ingest.fetch.Validators;
import io.wirestream.ingest.state.ContentHash;
import io.wirestream.ingest.state.FeedMark;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** Between a poller's {@link FeedState} and the {@link FeedMark} that outlives it. */
final class FeedMarks {

  private FeedMarks() {}

  static FeedMark of(FeedState feed) {
    return of(feed, Map.of());
  }

  /** The mark of a feed, counting {@code handedOver} items as published too. */
  static FeedMark of(FeedState feed, Map<String, FeedMark.ItemMark> handedOver) {
    Map<String, FeedMark.ItemMark> items = feed.published;
    if (!handedOver.isEmpty()) {
      items = new HashMap<>(feed.published);
      items.putAll(handedOver);
    }
    FeedSchedule.State s = feed.schedule;
    return new FeedMark(
        feed.uri.toString(),
        feed.validators.etag(),
        feed.validators.lastModified(),
        feed.lastHash == null ? null : HexFormat.of().formatHex(feed.lastHash),
        feed.lastFetch,
        feed.lastStatus,
        s.lastSuccess,
        s.lastFailure,
        s.failures,
        s.nextDue.equals(Instant.MIN) ? null : s.nextDue,
        s.disabledReason,
        feed.itemsSeen + handedOver.size(),
        items,
        s.interval == null ? null : s.interval.toMillis());
  }

  static void restore(FeedState feed, FeedMark mark) {
    feed.validators = new Validators(mark.etag(), mark.lastModified());
    feed.lastHash = mark.bodySha256() == null ? null : HexFormat.of().parseHex(mark.bodySha256());
    feed.lastFetch = mark.lastFetch();
    feed.lastStatus = mark.lastStatus();
    feed.itemsSeen = mark.itemsSeen();
    feed.published = new HashMap<>(mark.items());
    FeedSchedule.State s = feed.schedule;
    s.lastSuccess = mark.lastSuccess();
    s.lastFailure = mark.lastFailure();
    s.failures = mark.consecutiveFailures();
    s.disabledReason = mark.disabled();
    if (mark.nextDue() != null) {
      s.nextDue = mark.nextDue();
    }
    if (mark.intervalMillis() != null && mark.intervalMillis() > 0) {
      // What the feed's hints and its pace taught the schedule; the next fetch adjusts it again.
      s.interval = Duration.ofMillis(mark.intervalMillis());
    }
  }

  /** What makes an item a revision when it changes: its text, title, link and date. */
  static String contentHash(Article article) {
    return ContentHash.ofParts(
        article.title(), article.body(), article.url(), article.published(), article.language());
  }
}
