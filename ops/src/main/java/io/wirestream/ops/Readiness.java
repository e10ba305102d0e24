package io.wirestream.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a process must have before it does its work: each part of it (a Kafka Streams application, a
 * consumer's partitions, a database) registers a check, and the process is ready when every check
 * passes. Until a part has registered its checks the process is not ready, so an orchestrator does
 * not count a service as up while it is still starting. Thread-safe.
 */
public final class Readiness {

  /** One condition of readiness. */
  @FunctionalInterface
  public interface Check {
    /** Empty when the condition holds; otherwise why not, in a few words for the operator. */
    Optional<String> problem();
  }

  /** The outcome of every check: ready, or the problems by check name. */
  public record Report(boolean ready, Map<String, String> problems) {}

  private final Map<String, Check> checks = new ConcurrentHashMap<>();

  /** Adds (or replaces) the check of that name. */
  public void register(String name, Check check) {
    checks.put(name, check);
  }

  public void unregister(String name) {
    checks.remove(name);
  }

  /** Runs every check; a check that throws counts as failing, with the exception as its problem. */
  public Report report() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (checks.isEmpty()) {
      problems.put("service", "starting");
    }
    new TreeMap<>(checks)
        .forEach(
            (name, check) -> {
              try {
                check.problem().ifPresent(problem -> problems.put(name, problem));
              } catch (RuntimeException e) {
                problems.put(name, "check failed: " + e);
              }
            });
    return new Report(problems.isEmpty(), problems);
  }
}
