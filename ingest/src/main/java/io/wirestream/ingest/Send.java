package io.wirestream.ingest;

import org.apache.kafka.common.header.Headers;

/**
 * One record on its way to the broker: an article, a dead letter, or (with transactions) a state
 * mark, with what the publisher needs to send it again or to re-route it.
 */
final class Send {

  enum Kind {
    ARTICLE,
    /** An article the raw topic refused for good, now addressed to the dead-letter topic. */
    DEAD_LETTER,
    /** A record that was no article: its report on the dead-letter topic. */
    REJECTION,
    /** A mark on the ingest state topic, in the same transaction as what it describes. */
    STATE
  }

  final Delivery delivery;
  final String location;
  final String key;
  final long bytes;
  final long firstAttemptNanos = System.nanoTime();
  Kind kind;
  String topic;
  byte[] value;
  Headers headers;
  int failures;

  /** Written once a checkpoint before a commit, dropped and written again if the commit fails. */
  boolean checkpoint;

  /** With transactions: why the broker did not take the record in this attempt, or null. */
  volatile Throwable error;

  /**
   * When {@link #error} came, in the order of all errors: the first to get an error is its cause.
   */
  volatile long errorOrder;

  Send(Kind kind, Delivery delivery, String location, String key, byte[] value, long bytes) {
    this.kind = kind;
    this.delivery = delivery;
    this.location = location;
    this.key = key;
    this.value = value;
    this.bytes = bytes;
  }

  boolean deadLetter() {
    return kind == Kind.DEAD_LETTER || kind == Kind.REJECTION;
  }
}
