package io.wirestream.bench.faults;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what became of every input of a manifest.
 *
 * <pre>
 * HostileCheck --manifest FILE --store JDBC_URL --bootstrap HOST:PORT [--ingest-log FILE]
 *              [--timeout S] [--dlq-topic NAME]
 * </pre>
 *
 * <p>Reads the store's articles, the dead-letter topic from the beginning and the ingest's
 * rejections, classifies each input, and prints a markdown table. While inputs are still
 * unaccounted for it looks again every few seconds, up to {@code --timeout} seconds (default 30).
 * {@code --bootstrap none} skips the topic, for a store and log whose broker is gone. Exits 1 on
 * any violation, 2 on a usage error.
 */
public final class HostileCheck {

  private HostileCheck() {}

  public static void main(String[] argv) throws Exception {
    Args args;
    try {
      args =
          Args.parse(
              argv,
              Set.of(
                  "--manifest",
                  "--store",
                  "--bootstrap",
                  "--ingest-log",
                  "--timeout",
                  "--dlq-topic"),
              Set.of());
      args.required("--manifest");
      args.required("--store");
      args.required("--bootstrap");
    } catch (IllegalArgumentException e) {
      System.err.println("HostileCheck: " + e.getMessage());
      System.err.println(
          "usage: HostileCheck --manifest FILE --store JDBC_URL --bootstrap HOST:PORT|none [--ingest-log FILE] [--timeout S] [--dlq-topic NAME]");
      System.exit(2);
      return;
    }
    String topic =
        args.get(
            "--dlq-topic",
            new Topics(WirestreamConfig.load(null, Map.of(), Map.of())).deadLetter().name());
    String bootstrap = args.required("--bootstrap");
    String log = args.get("--ingest-log", null);
    Sources sources =
        new Sources(
            args.required("--store"),
            "none".equals(bootstrap) || "-".equals(bootstrap) ? null : bootstrap,
            topic,
            log == null ? null : Path.of(log));
    List<ManifestEntry> manifest = Manifest.read(Path.of(args.required("--manifest")));
    Duration timeout = Duration.ofSeconds(Long.parseLong(args.get("--timeout", "30")));
    Result result = run(manifest, sources, timeout);
    System.out.print(result.report());
    System.out.flush();
    System.exit(result.violations() == 0 ? 0 : 1);
  }

  /** Where the observations come from; a null bootstrap or log means none of that kind. */
  record Sources(String store, String bootstrap, String topic, Path ingestLog) {}

  record Result(List<Verdict> verdicts, long violations, String report) {}

  static Result run(List<ManifestEntry> manifest, Sources sources, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> notes = new ArrayList<>();
      Observations seen = observe(sources, notes);
      List<Verdict> verdicts = Classifier.classify(manifest, seen);
      boolean missing = verdicts.stream().anyMatch(v -> Verdict.MISSING.equals(v.outcome()));
      if (!missing || System.nanoTime() > deadline) {
        notes.addAll(unmatched(manifest, seen));
        String report =
            CheckReport.markdown(
                verdicts,
                ControlThroughput.of(manifest, seen.stored()),
                ControlThroughput.ofQueuedBehind(manifest, seen.stored()));
        if (!notes.isEmpty()) {
          report +=
              "\nNotes:\n" + String.join("\n", notes.stream().map(n -> "- " + n).toList()) + "\n";
        }
        long violations = verdicts.stream().filter(Verdict::isViolation).count();
        return new Result(verdicts, violations, report);
      }
      Thread.sleep(5_000);
    }
  }

  static Observations observe(Sources sources, List<String> notes) throws IOException {
    Map<String, Observations.StoredRow> stored;
    try {
      stored = StoreRows.read(sources.store());
    } catch (SQLException e) {
      notes.add(
          "the store could not be read (" + e.getMessage() + "): every input counts as not stored");
      stored = Map.of();
    }
    Map<String, List<Observations.DeadLetter>> letters = Map.of();
    if (sources.bootstrap() == null) {
      notes.add(
          "dead-letter topic not read (--bootstrap none): dead-lettered inputs show as missing");
    } else {
      try {
        letters =
            DeadLetterRecords.index(
                DeadLetterTopic.readAll(
                    sources.bootstrap(), sources.topic(), Duration.ofSeconds(30)));
      } catch (org.apache.kafka.common.KafkaException e) {
        notes.add("the dead-letter topic could not be read (" + e.getMessage() + ")");
      }
    }
    Map<String, List<String>> rejections = Map.of();
    Map<String, String> publishFailures = Map.of();
    if (sources.ingestLog() != null) {
      // Decoded leniently: a reason may quote the very bytes that were not UTF-8.
      String text = new String(Files.readAllBytes(sources.ingestLog()), StandardCharsets.UTF_8);
      List<String> lines = text.lines().toList();
      rejections = IngestLog.rejections(lines);
      publishFailures = IngestLog.publishFailures(lines);
    } else {
      notes.add("no --ingest-log: rejected inputs show as missing");
    }
    return new Observations(stored, letters, rejections, publishFailures);
  }

  /** Observations that belong to no input: a sign that ids or locations are computed wrongly. */
  static List<String> unmatched(List<ManifestEntry> manifest, Observations seen) {
    Set<String> ids = new HashSet<>();
    Set<String> locations = new HashSet<>();
    for (ManifestEntry e : manifest) {
      ids.addAll(e.ids());
      locations.add(e.location());
    }
    long letters = seen.deadLetters().keySet().stream().filter(id -> !ids.contains(id)).count();
    long rows = seen.stored().keySet().stream().filter(id -> !ids.contains(id)).count();
    long rejections =
        seen.rejections().keySet().stream()
            .filter(l -> !locations.contains(l) && !l.startsWith(Manifest.FILE_NAME + ":"))
            .count();
    List<String> notes = new ArrayList<>();
    if (letters + rows + rejections > 0) {
      notes.add(
          String.format(
              "not in the manifest: %d stored ids, %d dead-lettered ids, %d rejected locations",
              rows, letters, rejections));
    }
    return notes;
  }
}
