package io.wirestream.cli.backfill;

import io.wirestream.cli.Wirestream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a {@code wirestream} command in this JVM and keeps what it printed. */
final class Cli {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  int exitCode = -1;

  static Cli run(String... args) {
    return new Cli().execute(args);
  }

  /**
   * Runs the command in the calling thread; what it prints can be read from another thread while it
   * runs (a replay that follows the topic does not return by itself).
   */
  Cli execute(String... args) {
    CommandLine command = Wirestream.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    exitCode = command.execute(args);
    return this;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\nout:\n" + out + "\nerr:\n" + err;
  }
}
