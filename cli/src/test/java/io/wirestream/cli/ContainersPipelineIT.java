package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.cli.demo.Demo;
import io.wirestream.cli.demo.DemoSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The end-to-end path on containers, for machines with Docker: Apache Kafka and PostgreSQL images
 * instead of the in-process broker and a local server. Skipped where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersPipelineIT {

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.4.0");

  @Container
  static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:16-alpine");

  @TempDir Path dataDir;

  @Test
  void shouldCarrySeedArticleFromKafkaContainerIntoPostgresContainer() throws Exception {
    String store =
        POSTGRES.getJdbcUrl()
            + "&user="
            + POSTGRES.getUsername()
            + "&password="
            + POSTGRES.getPassword();
    if (!POSTGRES.getJdbcUrl().contains("?")) {
      store =
          POSTGRES.getJdbcUrl()
              + "?user="
              + POSTGRES.getUsername()
              + "&password="
              + POSTGRES.getPassword();
    }
    Demo.Options options =
        new Demo.Options(
            dataDir,
            store,
            List.of(SharedData.seedArticle()),
            List.of(),
            List.of(),
            "bbc",
            false,
            Duration.ofMinutes(3),
            KAFKA.getBootstrapServers(),
            Map.of());
    StringWriter log = new StringWriter();
    DemoSummary summary;
    try (Demo demo = new Demo(options, new PrintWriter(log, true), new PrintWriter(log, true))) {
      summary = demo.run();
    }

    assertThat(summary.stored()).isEqualTo(1);
    List<String> people = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(store);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT canonical FROM entities WHERE type = 'PERSON'")) {
      while (rows.next()) {
        people.add(rows.getString(1));
      }
    }
    assertThat(people).contains("Vladimir Putin", "Donald Trump", "Sergei Lavrov", "Rex Tillerson");
  }
}
