package io.wirestream.ingest;

import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;

/** Which producer errors are worth sending the same record again for. */
final class SendErrors {

  private SendErrors() {}

  /**
   * Timeouts, lost connections, leader changes and too few in-sync replicas pass once the broker is
   * back; a record too large, an unknown topic name or a refused authorisation do not.
   */
  static boolean retriable(Throwable error) {
    return error instanceof RetriableException && !(error instanceof InterruptException);
  }

  /** A short, single-line description for logs and dead-letter reasons. */
  static String describe(Throwable error) {
    String message = error.getMessage();
    String text = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    text = text.replaceAll("\\s+", " ");
    return text.length() <= 300 ? text : text.substring(0, 297) + "...";
  }
}
