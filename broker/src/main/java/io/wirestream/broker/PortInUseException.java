package io.wirestream.broker;

/** A port the broker must listen on is taken, most often by another broker still running. */
public final class PortInUseException extends IllegalStateException {

  private final int port;

  public PortInUseException(int port) {
    super(
        "port "
            + port
            + " on 127.0.0.1 is already in use (is another broker running?); stop it or choose"
            + " another port");
    this.port = port;
  }

  public int port() {
    return port;
  }
}
