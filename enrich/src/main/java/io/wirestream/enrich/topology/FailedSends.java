package io.wirestream.enrich.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Input records whose output the producer refused for good (too large, unserializable). Under
 * exactly-once a refused send aborts the transaction and the task processes the same input again;
 * remembering the input lets that second pass dead-letter the record instead of producing the same
 * refused output forever. Shared by the production exception handler, which learns of the refusal,
 * and the processors, which consult it; bounded, oldest forgotten first.
 *
 * <p>An input is known by its topic, partition and record key (the article id), not its offset: the
 * refusal arrives on the producer's I/O thread while the task may already be processing a later
 * record, so the offset the handler sees can be that later record's. Each entry is taken once, so a
 * later revision of the same article is enriched as usual.
 */
public final class FailedSends {

  static final int CAPACITY = 10_000;

  private final Map<String, Failure> failures =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
          return size() > CAPACITY;
        }
      };

  private long remembered;

  /**
   * Why the output of one input record was refused.
   *
   * @param reason a bounded description for the dead letter
   * @param exception the class name of the refusal
   * @param letterRefused true if even the dead letter was refused, so the next one goes without the
   *     original value
   */
  public record Failure(String reason, String exception, boolean letterRefused) {}

  public synchronized void remember(
      String topic, int partition, String recordKey, Failure failure) {
    if (!failures.containsKey(key(topic, partition, recordKey))) {
      remembered++;
    }
    failures.merge(
        key(topic, partition, recordKey),
        failure,
        (old, now) ->
            new Failure(old.reason(), old.exception(), old.letterRefused() || now.letterRefused()));
  }

  /**
   * How many distinct input records have been remembered so far. A stream thread that died after
   * this grew died on a refusal that a fresh thread will dead-letter, so replacing it progresses.
   */
  public synchronized long remembered() {
    return remembered;
  }

  /** The refusal remembered for this input, forgotten as it is returned. */
  public synchronized Optional<Failure> take(String topic, int partition, String recordKey) {
    return Optional.ofNullable(failures.remove(key(topic, partition, recordKey)));
  }

  /**
   * Files a refusal remembered against one input under another, without counting it again: the
   * producer learns of a refusal by the record being processed, which for a record held for
   * duplicate detection is its verdict, while the processor knows it by its raw topic.
   */
  public synchronized void move(String fromTopic, String toTopic, int partition, String recordKey) {
    Failure failure = failures.remove(key(fromTopic, partition, recordKey));
    if (failure != null) {
      failures.put(key(toTopic, partition, recordKey), failure);
    }
  }

  private static String key(String topic, int partition, String recordKey) {
    return topic + '\u0000' + partition + '\u0000' + recordKey;
  }
}
