package io.wirestream.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.cli.Wirestream;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What Wirestream's log looks like on standard error, and what it leaves off standard output. */
class LoggingTest {

  private static final Logger OWN = LoggerFactory.getLogger("io.wirestream.sink.SinkService");
  private static final Logger CLIENT =
      LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient");
  private static final Logger CLIENT_CONFIG =
      LoggerFactory.getLogger("org.apache.kafka.clients.consumer.ConsumerConfig");
  private static final Logger BROKER =
      LoggerFactory.getLogger("org.apache.kafka.controller.QuorumController");

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private PrintStream originalOut;

  @BeforeEach
  void capture() {
    originalErr = System.err;
    originalOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    System.setOut(originalOut);
    Logging.verbosity(Logging.Verbosity.NORMAL);
    Logging.configure(WirestreamConfig.defaults());
  }

  private static WirestreamConfig settings(Map<String, String> values) {
    return WirestreamConfig.load(null, Map.of(), values);
  }

  private List<String> errLines() {
    List<String> lines = new ArrayList<>();
    for (String line : err.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Test
  void shouldWriteJsonLinesWithTimeLevelLoggerThreadAndMessage() throws Exception {
    Logging.configure(settings(Map.of("log.format", "json")));

    OWN.info("sink assigned {}", "[news.enriched-0]");
    OWN.warn("store write failed", new IllegalStateException("disk full"));

    List<String> lines = errLines();
    assertThat(lines).hasSize(2);
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines) {
      events.add(Json.MAPPER.readTree(line));
    }
    JsonNode first = events.get(0);
    assertThat(first.path("level").asText()).isEqualTo("INFO");
    assertThat(first.path("loggerName").asText()).isEqualTo("io.wirestream.sink.SinkService");
    assertThat(first.path("threadName").asText()).isEqualTo(Thread.currentThread().getName());
    assertThat(first.path("formattedMessage").asText())
        .isEqualTo("sink assigned [news.enriched-0]");
    assertThat(first.path("timestamp").asLong())
        .isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
    JsonNode second = events.get(1);
    assertThat(second.path("level").asText()).isEqualTo("WARN");
    assertThat(second.path("throwable").path("className").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(second.path("throwable").path("message").asText()).isEqualTo("disk full");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void shouldStartEachTextLineWithAnIsoDateTimeAndZoneOffset() {
    Logging.configure(WirestreamConfig.defaults());

    OWN.info("enrich REBALANCING -> RUNNING");

    String line = errLines().get(0);
    String stamp = line.substring(0, line.indexOf(' '));
    assertThat(OffsetDateTime.parse(stamp)).isNotNull();
    assertThat(line)
        .contains(" INFO ")
        .contains("io.wirestream.sink.SinkService")
        .endsWith("enrich REBALANCING -> RUNNING");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void shouldShowKafkaClientWarningsButNotTheirInfoOrTheBrokersWarnings() {
    Logging.configure(WirestreamConfig.defaults());

    CLIENT.warn("Connection to node -1 (localhost/127.0.0.1:9) could not be established.");
    CLIENT_CONFIG.info("ConsumerConfig values: ...");
    BROKER.warn("a new controller was elected");

    assertThat(errLines())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("could not be established"));
  }

  @Test
  void shouldFollowLogLevel() {
    Logging.configure(settings(Map.of("log.level", "warn")));

    OWN.info("hidden");
    OWN.warn("shown");

    assertThat(errLines()).singleElement().satisfies(l -> assertThat(l).endsWith("shown"));
  }

  @Test
  void shouldLetQuietAndVerboseWinOverLogLevel() {
    assertThat(Logging.wirestreamLevel(Logging.Verbosity.QUIET, "debug").toString())
        .isEqualTo("WARN");
    assertThat(Logging.wirestreamLevel(Logging.Verbosity.VERBOSE, "error").toString())
        .isEqualTo("DEBUG");
    assertThat(Logging.wirestreamLevel(Logging.Verbosity.NORMAL, "error").toString())
        .isEqualTo("ERROR");
  }

  @Test
  void shouldTakeQuietFromTheCommandLineBeforeTheCommandRuns() {
    // 'config' loads settings and prints them on standard output; --quiet must not touch that.
    int exit = Wirestream.commandLine().execute("config", "--quiet");
    OWN.info("hidden by --quiet");
    OWN.warn("a warning still shows");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("bootstrap.servers")
        .doesNotContain("hidden by --quiet");
    assertThat(errLines())
        .singleElement()
        .satisfies(l -> assertThat(l).endsWith("a warning still shows"));
  }

  @Test
  void shouldRefuseQuietAndVerboseTogether() {
    int exit = Wirestream.commandLine().execute("config", "--quiet", "--verbose");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("exclude each other");
  }
}
