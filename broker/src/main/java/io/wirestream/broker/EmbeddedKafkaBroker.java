package io.wirestream.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in this JVM: one KRaft node acting as controller and broker, formatted and
 * started exactly as {@code kafka-storage.sh format} and {@code kafka-server-start.sh} would.
 *
 * <p>It listens on loopback only, with topic auto-creation off so that code under test must create
 * its topics as it would on a production cluster. {@link #start(Path)} picks free ports (tests);
 * {@link #startOnPorts} serves on given ports, so that separate processes can find it and a restart
 * on the same data directory is the same broker at the same address.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path logDir;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir;
  }

  /** Formats {@code dataDir} if it is new and starts a broker on it; returns once it serves. */
  public static EmbeddedKafkaBroker start(Path dataDir) throws IOException {
    return start(dataDir, Map.of());
  }

  /**
   * @param overrides broker settings layered over the defaults (e.g. {@code num.partitions})
   */
  public static EmbeddedKafkaBroker start(Path dataDir, Map<String, String> overrides)
      throws IOException {
    return startOnPorts(dataDir, freePort(), freePort(), overrides);
  }

  /**
   * Starts a broker on fixed loopback ports. The data directory is formatted only when it is new,
   * so a restart keeps the cluster id, the topics and their records; after a crash the broker
   * recovers its logs from what is on disk.
   *
   * @throws PortInUseException if either port is already bound on loopback
   */
  public static EmbeddedKafkaBroker startOnPorts(
      Path dataDir, int brokerPort, int controllerPort, Map<String, String> overrides)
      throws IOException {
    if (brokerPort == controllerPort) {
      throw new IllegalArgumentException("broker and controller need different ports");
    }
    checkFree(brokerPort);
    checkFree(controllerPort);
    Path logDir = dataDir.resolve("kafka-logs");
    Files.createDirectories(logDir);
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("auto.create.topics.enable", "false");
    // A single node can hold only one replica of anything, internal topics included.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "3");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "3");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "1");
    props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
    props.putAll(overrides);

    Path configFile = dataDir.resolve("server.properties");
    try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
      props.store(writer, "Wirestream embedded KRaft broker");
    }
    format(configFile, logDir);

    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    server.startup();
    String bootstrap = "127.0.0.1:" + brokerPort;
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap, logDir);
    try {
      broker.awaitReady(Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    LOG.info("embedded Kafka broker serving at {} (data in {})", bootstrap, logDir);
    return broker;
  }

  private static void format(Path configFile, Path logDir) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String clusterId = Uuid.randomUuid().toString();
    int rc =
        StorageTool.execute(
            new String[] {"format", "-t", clusterId, "-c", configFile.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8));
    if (rc != 0) {
      throw new IllegalStateException(
          "cannot format Kafka storage in " + logDir + ": " + out.toString(StandardCharsets.UTF_8));
    }
  }

  private void awaitReady(Duration timeout) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(props)) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("embedded Kafka broker did not come up", e);
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("embedded Kafka broker did not come up");
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }

  /** The cluster id written when the data directory was formatted. */
  public String clusterId() throws IOException {
    Properties meta = new Properties();
    try (var reader = Files.newBufferedReader(logDir.resolve("meta.properties"))) {
      meta.load(reader);
    }
    return meta.getProperty("cluster.id");
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path logDir() {
    return logDir;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  private static void checkFree(int port) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      // Kafka binds with SO_REUSEADDR too, so a port in TIME_WAIT after a restart counts as free.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
    } catch (BindException e) {
      throw new PortInUseException(port);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
