package io.wirestream.cli;

/** A bad argument found after parsing (a missing file, say): reported in one line, exit code 2. */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
