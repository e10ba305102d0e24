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
    Cli cli = new Cli();
    CommandLine command = Wirestream.commandLine();
    command.setOut(new PrintWriter(cli.out, true));
    command.setErr(new PrintWriter(cli.err, true));
    cli.exitCode = command.execute(args);
    return cli;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\nout:\n" + out + "\nerr:\n" + err;
  }
}
