package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what an orchestrator sends) to the real {@code wirestream} processes: each finishes what
 * it has under way, prints its summary and exits 0 within 5 s, and nothing it had taken in is lost:
 * what ingest says it published all ends up in the store.
 */
class GracefulShutdownIT {

  private static final Duration STOP_BOUND = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void shouldStopIngestEnrichAndSinkOnSigtermWithExitZeroWithinFiveSecondsLosingNothing()
      throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    writeArticles(inbox.resolve("a.jsonl"), "a", 10);
    String store = "jdbc:sqlite:" + dir.resolve("store.db");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        ServiceProcesses services = new ServiceProcesses(dir)) {
      String bootstrap = broker.bootstrapServers();
      List<String> enrichArgs =
          List.of("enrich", "-D", "enrich.state.dir=" + dir.resolve("streams"));
      List<String> sinkArgs = List.of("sink", "--store", store);
      Process ingest =
          services.start(
              bootstrap,
              List.of("ingest", "--follow", "-D", "ingest.poll.interval.ms=500", inbox.toString()),
              "ingest");
      Process enrich = services.start(bootstrap, enrichArgs, "enrich");
      Process sink = services.start(bootstrap, sinkArgs, "sink");
      services.await(() -> stored(store) == 10, Duration.ofSeconds(180));

      // More articles, and the signal while they are on their way through the pipeline.
      writeArticles(inbox.resolve("b.jsonl"), "b", 10);
      // Ingest looks every 500 ms: the signal comes while the new ones are being read or enriched.
      Thread.sleep(1_000);
      List<Process> all = List.of(ingest, enrich, sink);
      long signalled = System.nanoTime();
      all.forEach(Process::destroy);
      for (Process process : all) {
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - signalled);
      System.out.println(
          "ingest, enrich and sink stopped " + took.toMillis() + " ms after SIGTERM");

      assertThat(ingest.exitValue()).as(log(services, "ingest")).isZero();
      assertThat(enrich.exitValue()).as(log(services, "enrich")).isZero();
      assertThat(sink.exitValue()).as(log(services, "sink")).isZero();
      assertThat(took).isLessThan(STOP_BOUND);
      assertThat(log(services, "ingest")).contains("articles read", "published");
      assertThat(log(services, "enrich")).contains("enrich stopped");
      assertThat(log(services, "sink")).contains("sink stopped: ");

      long published = published(log(services, "ingest"));
      assertThat(published).isGreaterThanOrEqualTo(10);
      // What was under way is picked up where the stopped services committed it.
      services.start(bootstrap, enrichArgs, "enrich-2");
      services.start(bootstrap, sinkArgs, "sink-2");
      services.await(() -> stored(store) == published, Duration.ofSeconds(180));
    }
  }

  @Test
  void shouldStopAFollowingDemoOnSigtermWithItsSummaryAndExitZeroWithinFiveSeconds()
      throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    writeArticles(inbox.resolve("a.jsonl"), "a", 5);
    Path log = dir.resolve("demo.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.addAll(
        List.of(
            Wirestream.class.getName(),
            "demo",
            "--follow",
            "--data-dir",
            dir.resolve("data").toString(),
            inbox.toString()));
    Process demo =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (!Files.readString(log).contains("stored 5") && System.nanoTime() < deadline) {
        assertThat(demo.isAlive()).as(Files.readString(log)).isTrue();
        Thread.sleep(200);
      }
      assertThat(Files.readString(log)).contains("stored 5");

      long signalled = System.nanoTime();
      demo.destroy();
      assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Duration took = Duration.ofNanos(System.nanoTime() - signalled);
      System.out.println("demo --follow stopped " + took.toMillis() + " ms after SIGTERM");

      String output = Files.readString(log);
      assertThat(demo.exitValue()).as(output).isZero();
      assertThat(took).isLessThan(STOP_BOUND);
      assertThat(output).doesNotContain("sleep interrupted").doesNotContain("wirestream: null");
      // The summary after the first pass, and the last one after the signal.
      assertThat(output.split("articles read 5 ", -1)).hasSizeGreaterThanOrEqualTo(3);
    } finally {
      demo.destroyForcibly();
    }
  }

  private static void writeArticles(Path file, String prefix, int count) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      lines.append(
          String.format(
              "{\"id\":\"%s-%d\",\"published\":\"2017-04-12\",\"body\":\"Angela Merkel met"
                  + " Emmanuel Macron in Paris on Monday, story %d.\"}%n",
              prefix, i, i));
    }
    // Written beside the inbox and moved in, so a following ingest never reads half a file.
    Path part = file.resolveSibling("." + file.getFileName() + ".part");
    Files.writeString(part, lines);
    Files.move(part, file);
  }

  private static long stored(String url) {
    try (Connection connection = DriverManager.getConnection(url);
        ResultSet rows =
            connection.createStatement().executeQuery("SELECT COUNT(*) FROM articles")) {
      return rows.next() ? rows.getLong(1) : 0;
    } catch (Exception e) {
      return -1;
    }
  }

  private static long published(String ingestLog) {
    Matcher last = Pattern.compile("published (\\d+)").matcher(ingestLog);
    long published = -1;
    while (last.find()) {
      published = Long.parseLong(last.group(1));
    }
    return published;
  }

  private static String log(ServiceProcesses services, String name) throws Exception {
    return Files.readString(services.log(name));
  }
}
