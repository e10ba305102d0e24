package io.wirestream.sink;

import io.wirestream.common.dlq.ErrorSummary;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.sink.store.ArticleStore;
import io.wirestream.sink.store.StoreException;
import io.wirestream.sink.store.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of the sink, without the consumer: decodes a polled batch, stores it, dead-letters what
 * cannot be stored, and says which offsets may be committed. The order matters for at-least-once:
 * the database transaction commits first, then the dead letters are acknowledged, and only then are
 * offsets handed back for committing; a failure anywhere before that rewinds the batch, which is
 * safe because store writes are idempotent.
 */
final class BatchProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

  private final ArticleStore store;
  private final RecordDecoder decoder;
  private final DeadLetters deadLetters;
  private final Backoff backoff;
  private final int attemptsPerPoll;
  private final SinkCounters counters;
  private volatile boolean storeDown;
  private boolean deadLettersDown;

  BatchProcessor(
      ArticleStore store,
      RecordDecoder decoder,
      DeadLetters deadLetters,
      Backoff backoff,
      int attemptsPerPoll,
      SinkCounters counters) {
    this.store = store;
    this.decoder = decoder;
    this.deadLetters = deadLetters;
    this.backoff = backoff;
    this.attemptsPerPoll = attemptsPerPoll;
    this.counters = counters;
  }

  /** True from a failed store write until the next one succeeds; read by readiness checks. */
  boolean storeDown() {
    return storeDown;
  }

  /**
   * Handles a batch.
   *
   * @throws StoreException if the database fails in a way neither retrying nor skipping records can
   *     fix (a missing table, no permission); nothing of the batch is committed
   * @throws DeadLetterException if dead letters fail in a way retrying cannot fix; nothing of the
   *     batch is committed
   */
  BatchOutcome process(ConsumerRecords<String, byte[]> batch) {
    List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>();
    List<EnrichedArticle> articles = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : batch) {
      try {
        articles.add(decoder.decode(record));
        readable.add(record);
      } catch (UnreadableRecordException e) {
        rejected.add(
            new Rejected(
                record,
                ErrorSummary.bound(e.getMessage()),
                e.getCause() == null ? e : e.getCause()));
      }
    }

    Optional<Stored> stored = writeWithRetries(readable, articles);
    if (stored.isEmpty()) {
      return BatchOutcome.rewind(firstOffsets(batch));
    }
    rejected.addAll(stored.get().rejected());
    try {
      for (Rejected letter : rejected) {
        LOG.warn(
            "dead-lettering {}-{}@{}: {}",
            letter.record().topic(),
            letter.record().partition(),
            letter.record().offset(),
            letter.reason());
        deadLetters.send(letter.record(), letter.reason(), letter.error());
      }
      deadLetters.flush();
    } catch (DeadLetterException e) {
      if (!e.retriable()) {
        throw e;
      }
      if (!deadLettersDown) {
        deadLettersDown = true;
        LOG.info("lost the broker for dead letters; retrying with backoff: {}", e.getMessage());
      }
      LOG.warn(
          "cannot write dead letters, consuming the batch again after {}: {}",
          backoff.nextDelay(),
          e.getMessage());
      counters.retried();
      backoff.pause();
      return BatchOutcome.rewind(firstOffsets(batch));
    }
    if (deadLettersDown && !rejected.isEmpty()) {
      deadLettersDown = false;
      LOG.info("dead letters are acknowledged again; resumed");
    }
    WriteResult written = stored.get().result();
    return BatchOutcome.commit(
        nextOffsets(batch), written.written(), written.stale(), rejected.size());
  }

  /**
   * Writes the batch, retrying retriable failures a few times before giving up for this poll (the
   * caller rewinds, polls again and so stays in its consumer group). Records the database rejects
   * are found by writing the records one at a time.
   */
  private Optional<Stored> writeWithRetries(
      List<ConsumerRecord<String, byte[]>> records, List<EnrichedArticle> articles) {
    for (int attempt = 1; ; attempt++) {
      try {
        Stored stored;
        try {
          stored = new Stored(store.write(articles), List.of());
        } catch (StoreException e) {
          if (e.kind() != StoreException.Kind.DATA) {
            throw e;
          }
          LOG.warn(
              "the store rejected a batch, writing its records one by one: {}", e.getMessage());
          stored = writeOneByOne(records, articles);
        }
        backoff.reset();
        if (storeDown) {
          storeDown = false;
          LOG.info("store available again; resumed");
        }
        return Optional.of(stored);
      } catch (StoreException e) {
        if (!e.retriable()) {
          throw e;
        }
        counters.retried();
        if (!storeDown) {
          storeDown = true;
          LOG.info("paused for the store, retrying with backoff: {}", e.getMessage());
        }
        LOG.warn(
            "store write failed (attempt {} of {} this poll), pausing {}: {}",
            attempt,
            attemptsPerPoll,
            backoff.nextDelay(),
            e.getMessage());
        if (!backoff.pause() || attempt >= attemptsPerPoll) {
          return Optional.empty();
        }
      }
    }
  }

  private Stored writeOneByOne(
      List<ConsumerRecord<String, byte[]>> records, List<EnrichedArticle> articles) {
    WriteResult total = WriteResult.NONE;
    List<Rejected> rejected = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      try {
        total = total.plus(store.write(List.of(articles.get(i))));
      } catch (StoreException e) {
        if (e.kind() != StoreException.Kind.DATA) {
          throw e;
        }
        rejected.add(new Rejected(records.get(i), ErrorSummary.of("store", e), e.getCause()));
      }
    }
    return new Stored(total, rejected);
  }

  private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<String, byte[]> batch) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition partition : batch.partitions()) {
      offsets.put(partition, batch.records(partition).get(0).offset());
    }
    return offsets;
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, byte[]> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : batch.partitions()) {
      List<ConsumerRecord<String, byte[]>> records = batch.records(partition);
      ConsumerRecord<String, byte[]> last = records.get(records.size() - 1);
      offsets.put(partition, new OffsetAndMetadata(last.offset() + 1, last.leaderEpoch(), ""));
    }
    return offsets;
  }

  private record Stored(WriteResult result, List<Rejected> rejected) {}

  private record Rejected(ConsumerRecord<String, byte[]> record, String reason, Throwable error) {}
}
