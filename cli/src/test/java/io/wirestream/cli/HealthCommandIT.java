package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ops.Ops;
import io.wirestream.ops.OpsServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code wirestream health} against a real operations endpoint on 127.0.0.1. */
class HealthCommandIT {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicReference<Optional<String>> storeProblem =
      new AtomicReference<>(Optional.of("store unreachable: connection refused"));
  private Ops ops;
  private OpsServer server;

  @BeforeEach
  void start() throws Exception {
    ops = Ops.create();
    ops.readiness().register("store", storeProblem::get);
    server = OpsServer.start(new InetSocketAddress("127.0.0.1", 0), ops);
  }

  @AfterEach
  void stop() {
    server.close();
    ops.close();
  }

  private int run(String... args) {
    CommandLine cli = Wirestream.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldExitOneWithTheReasonWhileTheServiceIsNotReadyAndZeroOnceItIs() {
    String port = "http.port=" + server.port();

    assertThat(run("health", "-D", port)).isEqualTo(1);
    assertThat(out.toString()).startsWith("503 ").contains("store unreachable");

    storeProblem.set(Optional.empty());
    out.getBuffer().setLength(0);

    assertThat(run("health", "-D", port)).isEqualTo(0);
    assertThat(out.toString()).startsWith("200 ");
  }

  @Test
  void shouldAnswerLiveWhileNotReady() {
    assertThat(run("health", "--live", "-D", "http.port=" + server.port())).isEqualTo(0);
    assertThat(out.toString()).startsWith("200 ");
  }

  @Test
  void shouldExitOneWhenNothingListensOnThePort() throws Exception {
    int free;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      free = socket.getLocalPort();
    }

    assertThat(run("health", "--timeout", "PT2S", "-D", "http.port=" + free)).isEqualTo(1);
    assertThat(out.toString()).startsWith("no answer from http://127.0.0.1:" + free);
  }

  @Test
  void shouldRefuseAPortThatIsOffAsAUsageError() {
    assertThat(run("health", "-D", "http.port=0")).isEqualTo(2);
    assertThat(err.toString()).contains("http.port is 0");
  }
}
