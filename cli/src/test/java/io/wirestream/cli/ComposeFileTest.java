package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.config.WirestreamConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's docker-compose.yml: every WIRESTREAM_* variable it sets is a setting Wirestream
 * accepts (with a valid value), and the services are wired as production needs them.
 */
class ComposeFileTest {

  private static final List<String> WIRESTREAM_SERVICES = List.of("ingest", "enrich", "sink");

  private static Map<String, Map<String, Object>> services;
  private static Map<String, Object> compose;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws Exception {
    Path file = Path.of("..", "docker-compose.yml");
    try (Reader reader = Files.newBufferedReader(file)) {
      compose = new Yaml().load(reader);
    }
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  @Test
  void shouldSetOnlyDeclaredSettingsWithValidValuesInEveryService() {
    for (String name : WIRESTREAM_SERVICES) {
      Map<String, String> environment = environment(services.get(name));
      assertThat(environment).as(name).containsKey("WIRESTREAM_BOOTSTRAP_SERVERS");
      Map<String, String> checked = new LinkedHashMap<>(environment);
      // The loader rejects an unknown WIRESTREAM_* variable, naming it; a bad value too.
      WirestreamConfig config = WirestreamConfig.load(null, checked, Map.of());
      assertThat(config.getString(WirestreamConfig.BOOTSTRAP_SERVERS)).isEqualTo("kafka:19092");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldStartTheServicesOnlyOnceTheirBrokerAndDatabaseAreHealthy() {
    for (String name : WIRESTREAM_SERVICES) {
      Map<String, Object> service = services.get(name);
      assertThat(service.get("image")).as(name).isEqualTo("wirestream:latest");
      assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped");
      assertThat(dependsOn(service)).as(name).containsEntry("kafka", "service_healthy");
    }
    assertThat(dependsOn(services.get("sink"))).containsEntry("postgres", "service_healthy");
    for (String name : WIRESTREAM_SERVICES) {
      Map<String, Object> healthcheck = (Map<String, Object>) services.get(name).get("healthcheck");
      assertThat(healthcheck).as(name + " healthcheck").isNotNull();
      assertThat((List<Object>) healthcheck.get("test"))
          .as(name + " healthcheck probe")
          .contains("CMD", "io.wirestream.cli.Wirestream", "health");
    }
    assertThat(services.get("kafka")).containsKey("healthcheck");
    assertThat(services.get("postgres")).containsKey("healthcheck");
  }

  @Test
  void shouldKeepKafkaAndPostgresDataInNamedVolumes() {
    @SuppressWarnings("unchecked")
    Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
    assertThat(volumes).containsKeys("kafka-data", "postgres-data");
    assertThat(services.get("kafka").get("volumes").toString()).contains("kafka-data:");
    assertThat(services.get("postgres").get("volumes").toString()).contains("postgres-data:");
  }

  @Test
  void shouldRunAFourPointFourBrokerWithInternalAndHostListeners() {
    Map<String, String> kafka = environment(services.get("kafka"));
    assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:4.4.");
    assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS"))
        .contains("INTERNAL://kafka:19092", "HOST://localhost:9092");
  }

  @Test
  void shouldRunTwoEnrichReplicasAndAnIngestOfFeeds() {
    @SuppressWarnings("unchecked")
    Map<String, Object> deploy = (Map<String, Object>) services.get("enrich").get("deploy");
    assertThat(deploy).containsEntry("replicas", 2);
    assertThat(services.get("ingest").get("command").toString()).contains("--feed", "--follow");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object declared = service.get("environment");
    if (declared instanceof Map<?, ?> map) {
      map.forEach((k, v) -> environment.put(String.valueOf(k), String.valueOf(v)));
    } else if (declared instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = String.valueOf(entry).split("=", 2);
        environment.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    }
    return environment;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> dependsOn(Map<String, Object> service) {
    Map<String, String> conditions = new LinkedHashMap<>();
    Object declared = service.get("depends_on");
    if (declared instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) ->
              conditions.put(
                  String.valueOf(k), String.valueOf(((Map<String, Object>) v).get("condition"))));
    }
    return conditions;
  }
}
