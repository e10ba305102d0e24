package io.wirestream.sink.store;

/** A write or read the store could not complete; {@link #kind()} says what the caller may do. */
public final class StoreException extends RuntimeException {

  /** What a failure means for the records involved. */
  public enum Kind {
    /** The database is busy, unreachable or aborted the transaction: the same write may succeed. */
    RETRIABLE,
    /**
     * The database rejected the data itself (a constraint, an invalid value): retrying cannot help.
     */
    DATA,
    /** Anything else (missing table, permissions): neither retrying nor skipping records helps. */
    FATAL
  }

  private final Kind kind;

  public StoreException(String message, Kind kind, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public boolean retriable() {
    return kind == Kind.RETRIABLE;
  }
}
