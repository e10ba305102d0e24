package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.Topics;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wirestream ingest} as its own process: standard input, and stopping with SIGTERM. */
class IngestProcessIT {

  @TempDir Path dir;

  @Test
  void shouldPublishStandardInputAndExitAtItsEnd() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        ServiceProcesses services = new ServiceProcesses(dir)) {
      Process ingest = services.start(broker.bootstrapServers(), List.of("ingest", "-"), "stdin");
      try (OutputStream in = ingest.getOutputStream()) {
        in.write(
            ("{\"id\":\"s-1\",\"published\":\"2017-04-12\",\"body\":\"Piped in.\"}\n"
                    + "{\"id\":\"s-2\"}\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      assertThat(ingest.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(services.log("stdin"));
      assertThat(ingest.exitValue()).as(log).isZero();
      assertThat(log)
          .contains("rejected -:2: ")
          .contains("articles read 1, rejected 1, published 1, failed 0");
      WirestreamConfig config =
          WirestreamConfig.load(
              null, Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers()));
      assertThat(
              TopicReader.readCommitted(
                  config, new Topics(config).raw(), 1, Duration.ofSeconds(30)))
          .extracting(r -> r.value().body())
          .containsExactly("Piped in.");
    }
  }

  @Test
  void shouldPrintTheSummaryWhenStoppedBySigterm() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        ServiceProcesses services = new ServiceProcesses(dir)) {
      Process ingest =
          services.start(
              broker.bootstrapServers(),
              List.of(
                  "ingest",
                  "--follow",
                  "-D",
                  "ingest.poll.interval.ms=200",
                  "-D",
                  "ingest.progress.interval.ms=500",
                  inbox.toString()),
              "follow");
      Files.writeString(inbox.resolve("a.txt"), "date 2017-04-12 Filed while following.");
      services.await(
          () -> services.logContains("follow", "done: 1 articles published"),
          Duration.ofSeconds(60));
      services.await(
          () -> services.logContains("follow", "ingest: read 1 ("), Duration.ofSeconds(10));

      ingest.destroy();

      assertThat(ingest.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(services.log("follow")))
          .contains("files 1, articles read 1, rejected 0, published 1, failed 0");
    }
  }
}
