package io.wirestream.client;

/**
 * Told about a record value that could not be read as an enriched article. A consumer that stopped
 * on such a record would never get past it (its offset is never committed), so the client reports
 * it and moves on; what to do with it (log, count, dead-letter) is the application's call.
 */
@FunctionalInterface
public interface BadRecordHandler {

  void onBadRecord(String topic, byte[] bytes, Exception error);

  /** Ignores bad records; for tools that count them elsewhere. */
  BadRecordHandler IGNORE = (topic, bytes, error) -> {};
}
