package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code wirestream enrich} process meets an error no restart of a stream thread can get
 * past: it stops with a non-zero exit code and one line saying why, instead of replacing its
 * threads in a loop (which an orchestrator cannot see, and so never restarts it).
 */
class EnrichFatalErrorIT {

  private static final Duration EXIT_BOUND = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void shouldExitNonZeroOnceWhenItsApplicationIdIsTheSinksConsumerGroup() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        ServiceProcesses services = new ServiceProcesses(dir)) {
      String bootstrap = broker.bootstrapServers();
      // The sink does not create topics; enrich would, but it must come second here.
      WirestreamConfig config =
          WirestreamConfig.load(null, Map.of(), Map.of("bootstrap.servers", bootstrap));
      try (Admin admin = Admin.create(config.kafkaProperties())) {
        TopicAdmin.ensureTopics(admin, new Topics(config).specs());
      }
      services.start(
          bootstrap, List.of("sink", "--store", "jdbc:sqlite:" + dir.resolve("s.db")), "sink");
      services.await(() -> services.logContains("sink", "assigned"), Duration.ofSeconds(90));

      Process enrich =
          services.start(
              bootstrap,
              List.of(
                  "enrich",
                  "-D",
                  "enrich.application.id=wirestream-sink",
                  "-D",
                  "enrich.state.dir=" + dir.resolve("streams")),
              "enrich");
      assertThat(enrich.waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(services.log("enrich"));
      assertThat(enrich.exitValue()).as(log).isEqualTo(1);
      assertThat(log.lines().filter(l -> l.startsWith("wirestream: ")))
          .as(log)
          .singleElement()
          .asString()
          .startsWith("wirestream: enrich stopped: ")
          .containsIgnoringCase("protocol");
      assertThat(log).doesNotContain("replacing it");
    }
  }

  @Test
  void shouldExitNonZeroOnceWhenItsSourceTopicIsDeletedUnderIt() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        ServiceProcesses services = new ServiceProcesses(dir)) {
      String bootstrap = broker.bootstrapServers();
      Process enrich =
          services.start(
              bootstrap, List.of("enrich", "-D", "enrich.state.dir=" + dir.resolve("s")), "enrich");
      services.await(() -> services.logContains("enrich", "-> RUNNING"), Duration.ofSeconds(90));
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        admin.deleteTopics(List.of("news.raw")).all().get();
      }
      assertThat(enrich.waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(services.log("enrich"));
      assertThat(enrich.exitValue()).as(log).isEqualTo(1);
      assertThat(log.lines().filter(l -> l.startsWith("wirestream: ")))
          .as(log)
          .singleElement()
          .asString()
          .startsWith("wirestream: enrich stopped")
          .contains("news.raw");
    }
  }

  @Test
  void shouldExitNonZeroOnceWhenItIsNotAuthorizedToReadItsConsumerGroup() throws Exception {
    int clientPort = freePort();
    int internalPort = freePort();
    int controllerPort = freePort();
    // Clients connect as User:CLIENT; the broker's own listeners are super users.
    Map<String, String> authorized =
        Map.of(
            "listeners",
            "CLIENT://127.0.0.1:"
                + clientPort
                + ",INTERNAL://127.0.0.1:"
                + internalPort
                + ",CONTROLLER://127.0.0.1:"
                + controllerPort,
            "advertised.listeners",
            "CLIENT://127.0.0.1:" + clientPort + ",INTERNAL://127.0.0.1:" + internalPort,
            "listener.security.protocol.map",
            "CLIENT:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name",
            "INTERNAL",
            "authorizer.class.name",
            "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
            "principal.builder.class",
            ListenerPrincipalBuilder.class.getName(),
            "super.users",
            "User:INTERNAL;User:CONTROLLER");
    try (EmbeddedKafkaBroker broker =
            EmbeddedKafkaBroker.startOnPorts(
                dir.resolve("kafka"), clientPort, controllerPort, authorized);
        ServiceProcesses services = new ServiceProcesses(dir)) {
      WirestreamConfig config =
          WirestreamConfig.load(
              null, Map.of(), Map.of("bootstrap.servers", "127.0.0.1:" + internalPort));
      try (Admin admin = Admin.create(config.kafkaProperties())) {
        TopicAdmin.ensureTopics(admin, new Topics(config).specs());
        // Everything but reading (joining, committing to) enrich's own group.
        admin
            .createAcls(
                List.of(
                    clientAcl(ResourceType.TOPIC, "*", AclPermissionType.ALLOW, AclOperation.ALL),
                    clientAcl(ResourceType.GROUP, "*", AclPermissionType.ALLOW, AclOperation.ALL),
                    clientAcl(
                        ResourceType.TRANSACTIONAL_ID,
                        "*",
                        AclPermissionType.ALLOW,
                        AclOperation.ALL),
                    clientAcl(
                        ResourceType.CLUSTER,
                        "kafka-cluster",
                        AclPermissionType.ALLOW,
                        AclOperation.ALL),
                    clientAcl(
                        ResourceType.GROUP,
                        "wirestream-enrich",
                        AclPermissionType.DENY,
                        AclOperation.READ)))
            .all()
            .get();
      }

      Process enrich =
          services.start(
              broker.bootstrapServers(),
              List.of("enrich", "-D", "enrich.state.dir=" + dir.resolve("streams")),
              "enrich");
      assertThat(enrich.waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(services.log("enrich"));
      assertThat(enrich.exitValue()).as(log).isEqualTo(1);
      assertThat(log.lines().filter(l -> l.startsWith("wirestream: ")))
          .as(log)
          .singleElement()
          .asString()
          .startsWith("wirestream: enrich stopped: ")
          .containsIgnoringCase("not authorized")
          .contains("wirestream-enrich");
      assertThat(log).doesNotContain("replacing it");
    }
  }

  private static AclBinding clientAcl(
      ResourceType type, String name, AclPermissionType permission, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, PatternType.LITERAL),
        new AccessControlEntry("User:CLIENT", "*", operation, permission));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
