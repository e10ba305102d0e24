package io.wirestream.enrich.topology;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The enrich processor behind duplicate detection: it receives raw records from the verdict
 * processor, and sees each as if it came straight from {@code news.raw}, at the position its {@link
 * DedupOrigin} header names. Its dead letters, replay range and refused sends are then those of the
 * raw record, as without duplicate detection.
 */
final class DedupEnrichGate implements Processor<String, byte[], String, byte[]> {

  private final EnrichProcessor enrich;
  private final FailedSends failedSends;
  private Origin<String, byte[]> context;

  DedupEnrichGate(EnrichProcessor enrich, FailedSends failedSends) {
    this.enrich = enrich;
    this.failedSends = failedSends;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = new Origin<>(context);
    enrich.init(this.context);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    Optional<RecordMetadata> origin = DedupOrigin.take(record.headers());
    Optional<RecordMetadata> actual = context.delegate.recordMetadata();
    if (origin.isPresent() && actual.isPresent() && record.key() != null) {
      failedSends.move(
          actual.get().topic(), origin.get().topic(), origin.get().partition(), record.key());
    }
    context.current = origin.orElse(null);
    try {
      enrich.process(record);
    } finally {
      context.current = null;
    }
  }

  @Override
  public void close() {
    enrich.close();
  }

  /** The task's context, but for the position of the record being processed. */
  private static final class Origin<KF, VF> implements ProcessorContext<KF, VF> {

    private final ProcessorContext<KF, VF> delegate;
    private RecordMetadata current;

    Origin(ProcessorContext<KF, VF> delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
      return current != null ? Optional.of(current) : delegate.recordMetadata();
    }

    @Override
    public <K extends KF, V extends VF> void forward(Record<K, V> record) {
      delegate.forward(record);
    }

    @Override
    public <K extends KF, V extends VF> void forward(Record<K, V> record, String childName) {
      delegate.forward(record, childName);
    }

    @Override
    public String applicationId() {
      return delegate.applicationId();
    }

    @Override
    public TaskId taskId() {
      return delegate.taskId();
    }

    @Override
    public Serde<?> keySerde() {
      return delegate.keySerde();
    }

    @Override
    public Serde<?> valueSerde() {
      return delegate.valueSerde();
    }

    @Override
    public File stateDir() {
      return delegate.stateDir();
    }

    @Override
    public StreamsMetrics metrics() {
      return delegate.metrics();
    }

    @Override
    public <S extends StateStore> S getStateStore(String name) {
      return delegate.getStateStore(name);
    }

    @Override
    public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
      return delegate.schedule(interval, type, callback);
    }

    @Override
    public Cancellable schedule(
        Instant startTime, Duration interval, PunctuationType type, Punctuator callback) {
      return delegate.schedule(startTime, interval, type, callback);
    }

    @Override
    public void commit() {
      delegate.commit();
    }

    @Override
    public Map<String, Object> appConfigs() {
      return delegate.appConfigs();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
      return delegate.appConfigsWithPrefix(prefix);
    }

    @Override
    public long currentSystemTimeMs() {
      return delegate.currentSystemTimeMs();
    }

    @Override
    public long currentStreamTimeMs() {
      return delegate.currentStreamTimeMs();
    }
  }
}
