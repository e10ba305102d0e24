package io.wirestream.cli;

import io.wirestream.broker.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream broker}: a persistent single-node Kafka broker for running the services. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a single-node Kafka broker (KRaft, broker and controller in one process) on",
      "127.0.0.1, for running ingest, enrich and sink as separate processes on one machine.",
      "Topics and records are kept in DIR across restarts, also after kill -9. It runs until",
      "stopped with Ctrl-C (SIGTERM). For local use only: production uses a Kafka cluster."
    })
public final class BrokerCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the broker keeps its logs (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("wirestream-broker");

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port clients connect to (default: ${DEFAULT-VALUE}).")
  int port = 9092;

  @Option(
      names = "--controller-port",
      paramLabel = "N",
      description = "Port of the KRaft controller (default: the client port + 1).")
  Integer controllerPort;

  @Option(
      names = {"-D", "--set"},
      paramLabel = "KEY=VALUE",
      description = "A Kafka broker setting, e.g. -D log.retention.hours=24.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    int controller = controllerPort == null ? port + 1 : controllerPort;
    checkPort("--port", port);
    checkPort("--controller-port", controller);
    if (controller == port) {
      throw new UsageException("--port and --controller-port must differ");
    }
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new UsageException("--data-dir " + dataDir + " is not a directory");
    }
    PrintWriter out = spec.commandLine().getOut();
    // A taken port ends here as PortInUseException: its message says which port and why.
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.startOnPorts(dataDir, port, controller, overrides);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "wirestream-broker-shutdown"));
    out.printf(
        "broker serving at %s (controller 127.0.0.1:%d, cluster %s, data in %s)%n",
        broker.bootstrapServers(), controller, broker.clusterId(), dataDir.toAbsolutePath());
    out.println("bootstrap.servers=" + broker.bootstrapServers());
    out.flush();
    // The shutdown hook does the stopping; returning first would let exit race the close.
    stopped.await();
    return 0;
  }

  private static void checkPort(String option, int value) {
    if (value < 1 || value > 65535) {
      throw new UsageException(option + " must be between 1 and 65535, not " + value);
    }
  }
}
