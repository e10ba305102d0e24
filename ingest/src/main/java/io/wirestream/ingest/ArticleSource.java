package io.wirestream.ingest;

import java.time.Duration;

/**
 * Somewhere articles come from: files, standard input, feeds. The {@link IngestService} calls
 * {@link #poll} from one thread whenever the source may have work; a source never blocks that
 * thread for long (slow reads run on threads of its own), so one slow source holds up no other.
 */
public interface ArticleSource extends AutoCloseable {

  /** What the source reads, for logs and the summary. */
  String describe();

  /**
   * Does the work that is due now: reads what is new, hands each article and each rejection to
   * {@code sink}.
   */
  void poll(IngestSink sink) throws InterruptedException;

  /**
   * How long until {@link #poll} has work again, at most; {@link Duration#ZERO} if now. A source
   * whose work finishes on another thread calls {@link IngestSink#wake} instead of being asked
   * early.
   */
  Duration untilDue();

  /**
   * True once a run that does not follow may stop: the source read what it was given (files once,
   * standard input to its end, each feed fetched once). Records handed over may still be on their
   * way to the broker.
   */
  boolean finished();

  /** Stops reading; records already handed over are the publisher's to finish. */
  @Override
  void close();
}
