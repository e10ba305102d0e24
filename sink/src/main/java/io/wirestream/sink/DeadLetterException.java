package io.wirestream.sink;

/**
 * Dead letters could not be acknowledged. A retriable failure (the broker unreachable, a leader
 * moving) means the batch is consumed again after a pause; a permanent one (no permission on the
 * topic, a letter refused even without its value) would fail the same way forever, so the sink
 * stops rather than loop.
 */
final class DeadLetterException extends RuntimeException {

  private final boolean retriable;

  DeadLetterException(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  boolean retriable() {
    return retriable;
  }
}
