package io.wirestream.cli.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.cli.Wirestream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalNerCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void shouldRejectAMissingLabelledFileWithExitCode2(@TempDir Path dir) {
    int code = run("eval-ner", "--conll", dir.resolve("missing.txt").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("missing.txt").contains("not found");
  }

  @Test
  void shouldScoreAFileAndWriteTokenRows(@TempDir Path dir) throws IOException {
    Path conll = dir.resolve("tiny.txt");
    Files.writeString(
        conll,
        """
        -DOCSTART- -X- O O

        Vladimir NNP I-NP I-PER
        Putin NNP I-NP I-PER
        visited VBD I-VP O
        Berlin NNP I-NP I-LOC
        . . O O
        """);
    Path rows = dir.resolve("rows.tsv");

    int code = run("eval-ner", "--conll", conll.toString(), "--out", rows.toString());

    assertThat(code).isZero();
    assertThat(out.toString()).contains("overall").contains("PER").contains("LOC");
    assertThat(Files.readAllLines(rows))
        .startsWith(
            "Vladimir\tB-PER\tB-PER",
            "Putin\tI-PER\tI-PER",
            "visited\tO\tO",
            "Berlin\tB-LOC\tB-LOC");
  }

  @Test
  void shouldRejectAMissingCorporaFolderForTraining(@TempDir Path dir) {
    int code = run("train-ner", "--corpora", dir.resolve("nowhere").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("nowhere");
  }
}
