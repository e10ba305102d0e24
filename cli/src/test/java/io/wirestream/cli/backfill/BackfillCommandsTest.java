package io.wirestream.cli.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The backfill commands' help and the usage errors they find before reaching a broker. */
class BackfillCommandsTest {

  @ParameterizedTest
  @ValueSource(strings = {"replay", "status", "resink"})
  void shouldPrintHelp(String command) {
    Cli cli = Cli.run(command, "--help");
    assertThat(cli.exitCode).isZero();
    assertThat(cli.out.toString()).startsWith("Usage: wirestream " + command);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "replay --follow --to 2026-03-01 | --follow and --to exclude each other",
        "replay --from yesterday | --from wants an ISO instant",
        "replay --from 2026-03-02 --to 2026-03-01 | --to must be after --from",
        "replay --published-from 1987-03-02 --published-to 1987-03-01 | publication range ends",
        "replay --published-from March | --published-from wants a date",
        "replay --application-id wirestream-enrich | its own application id",
        "status --format xml | --format is table or json",
        "resink | Missing required option: '--store=JDBC-URL'"
      })
  void shouldExitTwoWithTheReason(String arguments, String reason) {
    Cli cli = Cli.run(arguments.strip().split(" "));
    assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
    assertThat(cli.err.toString()).startsWith("wirestream: ").contains(reason);
  }
}
