package io.wirestream.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wirestream commands in JVMs of their own, as in production, each logging to a file. */
final class ServiceProcesses implements AutoCloseable {

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();

  ServiceProcesses(Path dir) {
    this.dir = dir;
  }

  /** Starts the CLI with these arguments on the classpath of the test; logs to NAME.log. */
  Process start(String bootstrapServers, List<String> args, String name) throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath);
    command.add("io.wirestream.cli.Wirestream");
    command.addAll(args);
    command.add("--bootstrap-servers");
    command.add(bootstrapServers);
    // Services side by side on one host: each endpoint on a free loopback port (see opsPort).
    command.addAll(List.of("-D", "http.port=-1", "-D", "http.host=127.0.0.1"));
    File log = log(name).toFile();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log)
            .directory(dir.toFile())
            .start();
    processes.add(process);
    return process;
  }

  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  /** The port of the service's operations endpoint, as its log says, once it has said it. */
  OptionalInt opsPort(String name) {
    try {
      if (Files.exists(log(name))) {
        Matcher matcher = OPS_ENDPOINT.matcher(Files.readString(log(name)));
        if (matcher.find()) {
          return OptionalInt.of(Integer.parseInt(matcher.group(1)));
        }
      }
    } catch (Exception e) {
      // not written yet
    }
    return OptionalInt.empty();
  }

  private static final Pattern OPS_ENDPOINT =
      Pattern.compile("operations endpoint on http://127\\.0\\.0\\.1:(\\d+)/");

  boolean logContains(String name, String text) {
    try {
      return Files.exists(log(name)) && Files.readString(log(name)).contains(text);
    } catch (Exception e) {
      return false;
    }
  }

  /** Waits for the condition; on timeout fails with every log so far. */
  void await(BooleanSupplier condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(dir)) {
          for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
            logs.append("--- ").append(log.getFileName()).append('\n');
            logs.append(Files.readString(log));
          }
        }
        throw new AssertionError("timed out after " + timeout + "\n" + logs);
      }
      Thread.sleep(100);
    }
  }

  /** Kills whatever is still running. */
  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
  }
}
