package io.wirestream.bench.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The check's result as markdown: counts by kind and outcome, the violations, the controls. */
public final class CheckReport {

  static final int EXAMPLES = 3;

  private CheckReport() {}

  public static String markdown(List<Verdict> verdicts, Optional<ControlThroughput> throughput) {
    return markdown(verdicts, throughput, Optional.empty());
  }

  public static String markdown(
      List<Verdict> verdicts,
      Optional<ControlThroughput> throughput,
      Optional<ControlThroughput> queuedBehind) {
    Map<String, int[]> byKind = new TreeMap<>();
    int violations = 0;
    for (Verdict v : verdicts) {
      int[] counts = byKind.computeIfAbsent(v.entry().kind(), k -> new int[6]);
      counts[0]++;
      switch (v.outcome()) {
        case "rejected" -> counts[1]++;
        case "dead-lettered" -> counts[2]++;
        case "stored-verbatim" -> counts[3]++;
        default -> counts[4]++;
      }
      if (v.isViolation()) {
        counts[5]++;
        violations++;
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("| kind | inputs | rejected | dead-lettered | stored | missing | VIOLATION |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    int[] total = new int[6];
    for (Map.Entry<String, int[]> e : byKind.entrySet()) {
      row(md, e.getKey(), e.getValue());
      for (int i = 0; i < total.length; i++) {
        total[i] += e.getValue()[i];
      }
    }
    row(md, "**total**", total);
    md.append(
        "\n(stored: a row with the id exists; it counts as a violation unless body and title are verbatim)\n");
    if (violations > 0) {
      md.append("\n### Violations (").append(violations).append(")\n");
      violations(md, verdicts);
    }
    md.append("\n### Controls\n\n");
    if (throughput.isEmpty()) {
      md.append(
          "No throughput: fewer than two stored controls have both ingested_at and processed_at.\n");
    } else {
      md.append("- all: ").append(describe(throughput.get())).append('\n');
      queuedBehind.ifPresent(
          t -> md.append("- queued behind all hostile inputs: ").append(describe(t)).append('\n'));
      md.append(
          "\n(rate from the first ingest to the last enrichment; pace between the first and the last enrichment; latency from ingest to enrichment)\n");
    }
    md.append("\nResult: ")
        .append(violations == 0 ? "PASS" : "FAIL, " + violations + " violations")
        .append('\n');
    return md.toString();
  }

  /** Per kind: how many of each violation, then a few examples with their details. */
  private static void violations(StringBuilder md, List<Verdict> verdicts) {
    Map<String, Map<String, List<Verdict>>> byKind = new TreeMap<>();
    for (Verdict v : verdicts) {
      if (v.isViolation()) {
        byKind
            .computeIfAbsent(v.entry().kind(), k -> new TreeMap<>())
            .computeIfAbsent(v.violation(), k -> new java.util.ArrayList<>())
            .add(v);
      }
    }
    for (Map.Entry<String, Map<String, List<Verdict>>> kind : byKind.entrySet()) {
      md.append("\n**").append(kind.getKey()).append("**\n");
      for (Map.Entry<String, List<Verdict>> problem : kind.getValue().entrySet()) {
        List<Verdict> list = problem.getValue();
        md.append("- ").append(problem.getKey()).append(": ").append(list.size()).append('\n');
        for (Verdict v : list.subList(0, Math.min(EXAMPLES, list.size()))) {
          md.append("  - `").append(v.entry().location()).append("` ").append(v.entry().variant());
          if (v.detail() != null && !v.detail().isEmpty()) {
            md.append(" — ").append(abbreviate(v.detail(), 200));
          }
          md.append('\n');
        }
      }
    }
  }

  private static String describe(ControlThroughput t) {
    return String.format(
        "%d of %d timed, %.1f articles/s over %s, enriched at %.1f articles/s; latency p50 %s, p95 %s, max %s",
        t.timed(),
        t.controls(),
        t.perSecond(),
        seconds(t.window()),
        t.enrichedPerSecond(),
        seconds(t.p50()),
        seconds(t.p95()),
        seconds(t.max()));
  }

  private static void row(StringBuilder md, String kind, int[] c) {
    md.append("| ").append(kind);
    for (int i = 0; i < 6; i++) {
      md.append(" | ").append(c[i]);
    }
    md.append(" |\n");
  }

  private static String seconds(Duration d) {
    return String.format("%.2f s", d.toNanos() / 1e9);
  }

  private static String abbreviate(String text, int max) {
    String one = text.replace('\n', ' ');
    return one.length() <= max ? one : one.substring(0, max) + "...";
  }
}
