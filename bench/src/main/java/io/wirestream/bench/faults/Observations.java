package io.wirestream.bench.faults;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline did, as seen from outside: the rows in the store, the letters on the
 * dead-letter topic and the rejections in the ingest's log.
 *
 * @param stored rows by article id
 * @param deadLetters letters by article id (the record key, else the id in the value)
 * @param rejections reasons by {@code file:line}, the file without its folder
 * @param publishFailures errors by article id of records the ingest accepted but could not publish
 *     (this is none of the promised outcomes, but it says why an input is missing)
 */
public record Observations(
    Map<String, StoredRow> stored,
    Map<String, List<DeadLetter>> deadLetters,
    Map<String, List<String>> rejections,
    Map<String, String> publishFailures) {

  public Observations(
      Map<String, StoredRow> stored,
      Map<String, List<DeadLetter>> deadLetters,
      Map<String, List<String>> rejections) {
    this(stored, deadLetters, rejections, Map.of());
  }

  /** A stored article, reduced to what the check compares. Timestamps may be null. */
  public record StoredRow(
      String id, String titleSha256, String bodySha256, Instant ingestedAt, Instant processedAt) {}

  /** A record on the dead-letter topic. */
  public record DeadLetter(String id, String reason, String stage) {}
}
