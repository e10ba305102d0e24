package io.wirestream.enrich.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Input records whose output the producer refused for good (too large, unserializable). Under
 * exactly-once a refused send aborts the transaction and the task processes the same input again;
 * remembering the input's position lets that second pass dead-letter the record instead of
 * producing the same refused output forever. Shared by the production exception handler, which
 * learns of the refusal, and the processors, which consult it; bounded, oldest forgotten first.
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

  public synchronized void remember(String topic, int partition, long offset, Failure failure) {
    if (!failures.containsKey(key(topic, partition, offset))) {
      remembered++;
    }
    failures.merge(
        key(topic, partition, offset),
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

  public synchronized Optional<Failure> find(String topic, int partition, long offset) {
    return Optional.ofNullable(failures.get(key(topic, partition, offset)));
  }

  private static String key(String topic, int partition, long offset) {
    return topic + '\u0000' + partition + '\u0000' + offset;
  }
}
