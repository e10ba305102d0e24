package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BrokerCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldPrintHelpSayingItIsForLocalUse() {
    assertThat(run("broker", "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: wirestream broker").contains("local use only");
  }

  @Test
  void shouldExitTwoOnAPortOutOfRange() {
    assertThat(run("broker", "--port", "70000")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("wirestream: --port must be between 1 and 65535, not 70000");
  }

  @Test
  void shouldExitTwoWhenControllerAndClientPortAreTheSame() {
    assertThat(run("broker", "--port", "19092", "--controller-port", "19092")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("wirestream: --port and --controller-port must differ");
  }

  @Test
  void shouldExitTwoOnAPortThatIsNotANumber() {
    assertThat(run("broker", "--port", "ninety")).isEqualTo(2);
    assertThat(err.toString()).startsWith("wirestream: Invalid value for option '--port'");
  }
}
