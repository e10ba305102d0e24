package io.wirestream.sink;

/** A record on the enriched topic that is not a usable enriched article. */
final class UnreadableRecordException extends Exception {

  UnreadableRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
