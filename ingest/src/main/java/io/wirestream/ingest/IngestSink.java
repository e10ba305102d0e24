package io.wirestream.ingest;

import io.wirestream.common.model.Article;
import io.wirestream.ingest.format.ParseResult;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Where sources put what they read: articles go to the publisher, rejections to the dead-letter
 * topic and to standard error. Thread-safe, so a source may hand over from its own threads.
 */
public final class IngestSink {

  private final ArticlePublisher publisher;
  private final IngestStats stats;
  private final PrintWriter err;
  private final Runnable wake;

  public IngestSink(ArticlePublisher publisher, IngestStats stats, PrintWriter err, Runnable wake) {
    this.publisher = publisher;
    this.stats = stats;
    this.err = err;
    this.wake = wake;
  }

  public ArticlePublisher publisher() {
    return publisher;
  }

  public IngestStats stats() {
    return stats;
  }

  /** Starts the delivery of one input's records (see {@link ArticlePublisher#open}). */
  public Delivery open(String origin, Consumer<Delivery> onComplete) {
    return publisher.open(origin, onComplete);
  }

  /**
   * Publishes an article; one the producer cannot send at all is rejected like a bad record.
   *
   * @return true if it was handed over
   */
  public boolean publish(Delivery delivery, Article article, String location) {
    String refused = publisher.publish(delivery, article, location);
    if (refused == null) {
      return true;
    }
    reject(delivery, new ParseResult.Rejected(location, refused));
    return false;
  }

  /** Reports a record that is no article: counted, dead-lettered and printed. */
  public void reject(Delivery delivery, ParseResult.Rejected rejected) {
    stats.countRejected(rejected.reason());
    if (delivery != null) {
      delivery.countRejected();
    }
    reportRejected(delivery == null ? originOf(rejected.location()) : delivery.origin(), rejected);
  }

  /**
   * The reporting half of {@link #reject}, for sources that count rejections themselves ({@code
   * FileIngestor}, {@code FeedPoller}).
   */
  public void reportRejected(String origin, ParseResult.Rejected rejected) {
    publisher.deadLetterRejected(origin, rejected);
    synchronized (err) {
      err.println("rejected " + rejected);
      err.flush();
    }
  }

  /**
   * The input part of a location: {@code FILE} of {@code FILE:LINE}, {@code URL} of {@code URL#item
   * N}; the whole location when it names no record.
   */
  public static String originOf(String location) {
    for (String record : new String[] {"#item ", "#outline "}) {
      int at = location.lastIndexOf(record);
      if (at > 0) {
        return location.substring(0, at);
      }
    }
    int colon = location.lastIndexOf(':');
    if (colon > 0
        && colon < location.length() - 1
        && location.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      return location.substring(0, colon);
    }
    return location;
  }

  /** Lets a source that finished work on another thread have {@link ArticleSource#poll} called. */
  public void wake() {
    wake.run();
  }
}
