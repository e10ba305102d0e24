package io.wirestream.cli;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich and sink, each in its own JVM, say in their logs when the broker goes away: Kafka clients
 * retry quietly, and without this line a service waiting for its broker looks merely idle.
 */
class BrokerLossIT {

  @TempDir Path dir;

  @Test
  void shouldLogThatTheBrokerIsLostWhenItStops() throws Exception {
    try (ServiceProcesses services = new ServiceProcesses(dir)) {
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
      try {
        String bootstrap = broker.bootstrapServers();
        WirestreamConfig config =
            WirestreamConfig.load(
                null, Map.of(), Map.of("bootstrap.servers", bootstrap, "topic.partitions", "1"));
        try (Admin admin = Admin.create(config.kafkaProperties())) {
          TopicAdmin.ensureTopics(admin, new Topics(config).specs());
        }
        services.start(
            bootstrap,
            List.of("enrich", "-D", "enrich.state.dir=" + dir.resolve("streams")),
            "enrich");
        services.start(
            bootstrap, List.of("sink", "--store", "jdbc:sqlite:" + dir.resolve("s.db")), "sink");
        services.await(
            () ->
                services.logContains("enrich", "enrich assigned")
                    && services.logContains("sink", "sink assigned"),
            Duration.ofSeconds(120));
      } finally {
        broker.close();
      }
      services.await(
          () ->
              services.logContains("enrich", "enrich lost the broker")
                  && services.logContains("sink", "sink lost the broker"),
          Duration.ofSeconds(60));
    }
  }
}
