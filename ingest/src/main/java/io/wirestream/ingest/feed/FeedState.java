package io.wirestream.ingest.feed;

import io.wirestream.ingest.Delivery;
import io.wirestream.ingest.fetch.Validators;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.state.FeedMark;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the poller knows of one feed between fetches. Owned by the polling thread; fetch tasks get
 * copies of what they need.
 */
final class FeedState {

  final URI uri;
  final String hostKey;
  final FeedSchedule.State schedule;
  Validators validators = Validators.NONE;

  /** SHA-256 of the last body parsed, so an unchanged body without validators is not parsed. */
  byte[] lastHash;

  FeedHints lastHints = FeedHints.NONE;
  boolean inFlight;

  /** No longer polled here (another instance took it); a fetch under way is dropped. */
  boolean removed;

  Set<ParseResult.Rejected> lastRejected = Set.of();

  /**
   * Ids acknowledged by the broker that the feed still lists, each with a hash of the item's
   * content and its revision; an id is forgotten once the feed drops it, which bounds the map by
   * the feed's length.
   */
  Map<String, FeedMark.ItemMark> published = new HashMap<>();

  Instant lastFetch;
  int lastStatus;
  long itemsSeen;

  /** An item handed to the publisher: its mark once delivered, and the delivery it is part of. */
  record HandedOver(FeedMark.ItemMark mark, Delivery delivery) {}

  /**
   * Items handed to the publisher whose delivery has not completed, by id: not repeated meanwhile,
   * and (with transactions) counted in the feed's mark when their records are committed.
   */
  final Map<String, HandedOver> inFlightItems = new HashMap<>();

  FeedState(URI uri, String hostKey, FeedSchedule.State schedule) {
    this.uri = uri;
    this.hostKey = hostKey;
    this.schedule = schedule;
  }

  /** After items went undelivered: the next fetch gets and reads the whole document again. */
  void forgetVersion() {
    validators = Validators.NONE;
    lastHash = null;
  }
}
