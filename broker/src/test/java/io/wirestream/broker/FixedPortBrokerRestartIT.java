package io.wirestream.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixedPortBrokerRestartIT {

  @TempDir Path dataDir;

  @Test
  void shouldKeepTopicsRecordsAndClusterIdAcrossARestartOnTheSamePortAndDirectory()
      throws Exception {
    int port = freePort();
    int controllerPort = freePort();
    String clusterId;
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.startOnPorts(dataDir, port, controllerPort, Map.of())) {
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      clusterId = broker.clusterId();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
      }
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept", "k", "written before the restart")).get();
      }
    }

    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.startOnPorts(dataDir, port, controllerPort, Map.of())) {
      assertThat(broker.clusterId()).isEqualTo(clusterId);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
      }
      assertThat(readAll(broker.bootstrapServers(), "kept"))
          .containsExactly("written before the restart");
    }
  }

  @Test
  void shouldRefuseAPortThatIsAlreadyTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () -> EmbeddedKafkaBroker.startOnPorts(dataDir, port, freePort(), Map.of()))
          .isInstanceOf(PortInUseException.class)
          .hasMessageContaining("port " + port + " on 127.0.0.1 is already in use");
    }
  }

  private static List<String> readAll(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("group.id", "restart-test");
    props.put("auto.offset.reset", "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      while (values.isEmpty() && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
