package io.wirestream.enrich.topology;

import java.util.List;

/**
 * A raw record held while its probes are out, with what has come back so far.
 *
 * @param key the raw record's key
 * @param value the raw record's value, byte for byte
 * @param timestamp the raw record's timestamp, which its output keeps
 * @param headers the raw record's headers, in order
 * @param topic the raw record's topic, partition and offset: where a dead letter says it came from
 * @param expected how many verdicts the record waits for
 * @param received how many have come back
 * @param originalId the first original in (published, id) order among the verdicts, or null
 * @param originalKind which fingerprint found it
 */
public record DedupPending(
    String key,
    byte[] value,
    long timestamp,
    List<Header> headers,
    String topic,
    int partition,
    long offset,
    int expected,
    int received,
    String originalId,
    long originalPublished,
    String originalKind) {

  /** One raw header; {@code value} may be null. */
  public record Header(String key, byte[] value) {}

  public DedupPending {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  boolean complete() {
    return received >= expected;
  }

  DedupPending with(DedupVerdict verdict) {
    boolean earlier =
        verdict.originalId() != null
            && (originalId == null
                || new DedupSeen(verdict.originalId(), verdict.originalPublished(), null)
                    .before(originalId, originalPublished));
    return new DedupPending(
        key,
        value,
        timestamp,
        headers,
        topic,
        partition,
        offset,
        expected,
        received + 1,
        earlier ? verdict.originalId() : originalId,
        earlier ? verdict.originalPublished() : originalPublished,
        earlier ? verdict.kind() : originalKind);
  }
}
