package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class WirestreamCliTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "ingest", "enrich", "sink", "config", "train-ner", "eval-ner"})
  void shouldPrintHelpForEveryCommand(String command) {
    assertThat(run(command, "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: wirestream " + command);
  }

  @Test
  void shouldListCommandsInTopLevelHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("demo", "ingest", "enrich", "sink");
  }

  @Test
  void shouldExitTwoWithOneLineReasonOnUnknownOption() {
    assertThat(run("demo", "--no-such-option")).isEqualTo(2);
    assertThat(err.toString().lines().findFirst())
        .hasValue("wirestream: Unknown option: '--no-such-option'");
  }

  @Test
  void shouldExitTwoWhenAnInputDoesNotExist() {
    assertThat(run("ingest", "/no/such/dir")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("wirestream: no such file or directory: /no/such/dir");
  }

  @Test
  void shouldExitTwoOnAFeedUrlItCannotFetch() {
    assertThat(run("ingest", "--feed", "ftp://example.org/rss")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("wirestream: not a feed URL (http:, https: or file:): ftp://example.org/rss");
  }

  @Test
  void shouldExitTwoOnOnceWithFollow() {
    assertThat(run("ingest", "--once", "--follow", "--feed", "file:///tmp/feed.xml")).isEqualTo(2);
    assertThat(err.toString()).contains("--once and --follow");
  }

  @Test
  void shouldExitTwoOnInvalidSetting() {
    assertThat(run("config", "-D", "enrich.error.policy=ignore")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("wirestream: bad configuration:")
        .contains("enrich.error.policy");
  }

  @Test
  void shouldExitTwoOnAMistypedSettingAndSuggestTheDeclaredOne() {
    assertThat(run("config", "-D", "sink.batchsize=10")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("wirestream: bad configuration: unknown setting 'sink.batchsize'")
        .contains("did you mean sink.batch.size?");
  }

  @Test
  void shouldExitTwoWithoutCommand() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).startsWith("wirestream: missing command");
  }

  @Test
  void shouldShowEffectiveSettingsFromOptions() {
    assertThat(run("config", "-b", "broker:9093", "-D", "topic.raw=wire.raw")).isZero();
    assertThat(out.toString())
        .contains(
            "bootstrap.servers=broker:9093",
            "topic.raw=wire.raw",
            "sink.store=jdbc:sqlite:wirestream.db");
  }

  @Test
  void shouldHideSecretsAndNameTheLayerOfEachValueInConfig() {
    assertThat(
            run(
                "config",
                "-D",
                "sink.store=jdbc:postgresql://db/news?user=ws&password=pg-secret",
                "-D",
                "kafka.ssl.keystore.key=-----BEGIN PRIVATE KEY-----",
                "-D",
                "kafka.ssl.truststore.password=ts-secret"))
        .isZero();
    assertThat(out.toString())
        .doesNotContain("pg-secret", "ts-secret", "BEGIN PRIVATE KEY")
        .contains(
            "sink.store=jdbc:postgresql://db/news?user=ws&password=[hidden]  # option",
            "kafka.ssl.keystore.key=[hidden]  # option",
            "kafka.ssl.truststore.password=[hidden]  # option",
            "topic.raw=news.raw  # default");
  }

  @Test
  void shouldReadTheConfigFileInDemoLikeInTheServices(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.properties"), "sink.batchsize=10\n");
    assertThat(run("demo", "-c", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown setting 'sink.batchsize'", "sink.batch.size");
  }

  @Test
  void shouldNameTheTypeOfAnErrorThatHasNoMessage() {
    CommandLine cli = new CommandLine(new Failing());
    cli.setExecutionExceptionHandler(Wirestream.commandLine().getExecutionExceptionHandler());
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute()).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("wirestream: NullPointerException");
  }

  @CommandLine.Command(name = "failing")
  static final class Failing implements Runnable {
    @Override
    public void run() {
      throw new NullPointerException();
    }
  }
}
