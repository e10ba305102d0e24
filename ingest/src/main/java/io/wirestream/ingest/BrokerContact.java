package io.wirestream.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once when sends start failing and once when they succeed again, instead of once per record:
 * an outage of minutes would otherwise log every article it holds up.
 */
final class BrokerContact {

  private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

  private final String topic;
  private boolean lost;
  private long lostSinceNanos;
  private long failuresSinceLost;

  BrokerContact(String topic) {
    this.topic = topic;
  }

  synchronized void failed(Throwable error) {
    failuresSinceLost++;
    if (!lost) {
      lost = true;
      lostSinceNanos = System.nanoTime();
      LOG.warn(
          "lost the broker: sends to {} failing ({}); re-sending with backoff",
          topic,
          SendErrors.describe(error));
    }
  }

  synchronized void succeeded() {
    if (lost) {
      lost = false;
      LOG.info(
          "broker recovered: sends to {} acknowledged again after {} s and {} failed attempts",
          topic,
          (System.nanoTime() - lostSinceNanos) / 1_000_000_000L,
          failuresSinceLost);
      failuresSinceLost = 0;
    }
  }

  synchronized boolean lost() {
    return lost;
  }
}
