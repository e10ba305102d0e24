package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The generated settings reference does not depend on the machine it is generated on. */
class ConfigMarkdownTest {

  @Test
  void shouldDocumentTheStateDirectoryDefaultRelativeToTheTemporaryDirectory() {
    StringWriter out = new StringWriter();
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("config", "--markdown")).isZero();

    assertThat(out.toString())
        .contains(
            "| `enrich.state.dir` | `WIRESTREAM_ENRICH_STATE_DIR` | string |"
                + " `${java.io.tmpdir}/wirestream-streams` |");
    assertThat(ConfigCommand.documented("/srv/data")).isEqualTo("/srv/data");
  }
}
