package io.wirestream.cli.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.cli.Wirestream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TimexCommandsTest {

  private static final String GOLD =
      "<?xml version=\"1.0\" ?>\n<TimeML>\n"
          + "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-04-12\""
          + " functionInDocument=\"CREATION_TIME\">2017-04-12</TIMEX3></DCT>\n<TEXT>\n"
          + "Putin said on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-04-12\">Wednesday</TIMEX3>"
          + " that the strikes <EVENT eid=\"e1\">came</EVENT>"
          + " <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2017-W14\">last week</TIMEX3>.\n"
          + "</TEXT>\n</TimeML>\n";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldAnnotateThenScoreAgainstGold() throws Exception {
    Path gold = Files.createDirectories(dir.resolve("gold"));
    Files.writeString(gold.resolve("a.tml"), GOLD);
    Path system = dir.resolve("system");

    assertThat(run("annotate-timeml", "--in", gold.toString(), "--out", system.toString()))
        .isZero();
    assertThat(Files.readString(system.resolve("a.tml")))
        .contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-04-12\">Wednesday</TIMEX3>")
        .contains("value=\"2017-W14\">last week</TIMEX3>")
        .doesNotContain("<EVENT");

    assertThat(
            run("eval-timex", "--gold", gold.toString(), "--system", system.toString(), "--errors"))
        .isZero();
    assertThat(out.toString())
        .contains("strict   P 100.00  R 100.00  F1 100.00")
        .contains("value F1 100.00");
  }

  @Test
  void shouldExitWithTwoOnMissingDirectory() {
    assertThat(
            run("eval-timex", "--gold", dir.resolve("nope").toString(), "--system", dir.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("is not a directory");
    assertThat(run("annotate-timeml", "--in", dir.toString(), "--out", dir.toString()))
        .isEqualTo(2);
  }
}
