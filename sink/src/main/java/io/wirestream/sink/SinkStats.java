package io.wirestream.sink;

/**
 * What the sink has done since it started.
 *
 * @param stored records whose enrichment is in the store
 * @param stale records skipped because the store held a newer enrichment of the article
 * @param deadLettered records sent to the dead-letter topic
 * @param retries failed attempts to write a batch that were (or will be) retried
 */
public record SinkStats(long stored, long stale, long deadLettered, long retries) {

  /** Records fully handled: each consumed record ends up in exactly one of these counts. */
  public long processed() {
    return stored + stale + deadLettered;
  }
}
