package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
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
}
