package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that needs Kafka, in a JVM of its own, given a broker it cannot use: nothing
 * listening, a host name that does not resolve, an address without a port. Each ends with exit code
 * 1 and one line naming the address, within broker.connect.timeout.ms and JVM start-up.
 */
class FailFastIT {

  private static final long TIMEOUT_MS = 3_000;

  // JVM start-up and the NLP model load of enrich and replay come on top of the timeout.
  private static final long LIMIT_SECONDS = 30;

  @TempDir Path dir;

  @Test
  void shouldEndEveryKafkaCommandWithExitOneNamingAnAddressNobodyListensOn() throws Exception {
    Path input = Files.writeString(dir.resolve("a.jsonl"), "{\"id\":\"a\",\"body\":\"Hi.\"}\n");
    Path feeds = Files.writeString(dir.resolve("feed.xml"), "<rss version=\"2.0\"></rss>");
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("ingest", List.of("ingest", "--once", input.toString()));
    commands.put(
        "feeds",
        List.of(
            "ingest",
            "--once",
            "-D",
            "ingest.fetch.allow.file=true",
            "--feed",
            feeds.toUri() + ""));
    commands.put("enrich", List.of("enrich"));
    commands.put("sink", List.of("sink", "--store", "jdbc:sqlite:" + dir.resolve("s.db")));
    commands.put("replay", List.of("replay"));
    commands.put("status", List.of("status"));
    commands.put("resink", List.of("resink", "--store", "jdbc:sqlite:" + dir.resolve("r.db")));
    commands.put("tail", List.of("tail"));
    commands.put("demo", List.of("demo", "--data-dir", dir.resolve("demo").toString()));

    // One at a time, so that each is timed on its own and not against eight other JVMs.
    for (Map.Entry<String, List<String>> command : commands.entrySet()) {
      String name = command.getKey();
      long started = System.nanoTime();
      Process process = start(command.getValue(), "localhost:1", name);
      boolean ended = process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly().waitFor();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("%s against localhost:1 ended after %.1f s%n", name, seconds);
      String output = Files.readString(log(name));
      assertThat(ended).as(name + " ended within " + LIMIT_SECONDS + " s\n" + output).isTrue();
      assertThat(process.exitValue()).as(name + "\n" + output).isEqualTo(1);
      assertThat(output)
          .as(name)
          .contains("wirestream: no Kafka broker answered at localhost:1 within 3 s")
          .doesNotContain("wirestream: null");
    }
  }

  @Test
  void shouldNameAHostThatDoesNotResolve() throws Exception {
    Process status = start(List.of("status"), "nosuchhost.invalid:9092", "unresolved");
    assertThat(status.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(status.exitValue()).isEqualTo(1);
    assertThat(Files.readString(log("unresolved")))
        .contains("wirestream: ")
        .contains("nosuchhost.invalid:9092")
        .doesNotContain("wirestream: null");
  }

  @Test
  void shouldNameAnAddressWithoutAPort() throws Exception {
    Process enrich = start(List.of("enrich"), "localhost", "no-port");
    assertThat(enrich.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(enrich.exitValue()).isEqualTo(1);
    assertThat(Files.readString(log("no-port")))
        .contains("wirestream: bootstrap.servers entry 'localhost' is not host:port");
  }

  @Test
  void shouldTakeTheDemosExternalBrokerFromAWirestreamVariableAndFailFastOnIt() throws Exception {
    List<String> command = javaCommand();
    command.addAll(List.of("demo", "--data-dir", dir.resolve("demo").toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log("demo-env").toFile())
            .directory(dir.toFile());
    builder.environment().put("WIRESTREAM_BOOTSTRAP_SERVERS", "localhost:1");
    builder.environment().put("WIRESTREAM_BROKER_CONNECT_TIMEOUT_MS", "" + TIMEOUT_MS);
    Process demo = builder.start();
    assertThat(demo.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(demo.exitValue()).isEqualTo(1);
    assertThat(Files.readString(log("demo-env")))
        .contains("wirestream: no Kafka broker answered at localhost:1 within 3 s")
        .doesNotContain("in-process Kafka broker");
  }

  private List<String> javaCommand() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(Wirestream.class.getName());
    return command;
  }

  private Process start(List<String> args, String bootstrap, String name) throws Exception {
    List<String> command = javaCommand();
    command.addAll(args);
    command.addAll(List.of("-b", bootstrap, "-D", "broker.connect.timeout.ms=" + TIMEOUT_MS));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log(name).toFile())
        .directory(dir.toFile())
        .start();
  }

  private Path log(String name) {
    return dir.resolve(name + ".log");
  }
}
