package io.wirestream.bench.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides, from the observations alone, what became of each input and whether that keeps the
 * promise: rejected at ingest with a reason, dead-lettered with a reason, or stored verbatim.
 */
public final class Classifier {

  private Classifier() {}

  public static List<Verdict> classify(List<ManifestEntry> manifest, Observations seen) {
    List<Verdict> verdicts = new ArrayList<>(manifest.size());
    for (ManifestEntry entry : manifest) {
      verdicts.add(classify(entry, seen));
    }
    return verdicts;
  }

  /**
   * A rejection is looked for first because a rejected record never gets an id; a stored row wins
   * over a dead letter, since a letter may be left over from an earlier, failed attempt.
   */
  public static Verdict classify(ManifestEntry entry, Observations seen) {
    Verdict verdict = observe(entry, seen);
    if (verdict.isViolation() || Verdict.MISSING.equals(verdict.outcome())) {
      return verdict;
    }
    if (!entry.allows(Outcome.ofLabel(verdict.outcome()))) {
      return new Verdict(
          entry,
          verdict.outcome(),
          verdict.outcome() + " but expected " + String.join(" or ", entry.expect()),
          verdict.detail());
    }
    return verdict;
  }

  private static Verdict observe(ManifestEntry entry, Observations seen) {
    List<String> reasons = seen.rejections().get(entry.location());
    if (reasons != null && !reasons.isEmpty()) {
      String reason = reasons.get(0);
      if (reason == null || reason.isBlank()) {
        return new Verdict(entry, Outcome.REJECTED.label(), "rejected without a reason", "");
      }
      return new Verdict(entry, Outcome.REJECTED.label(), null, reason);
    }
    Observations.StoredRow row = first(entry.ids(), seen.stored());
    if (row != null) {
      boolean body = entry.bodySha256().contains(row.bodySha256());
      boolean title = entry.titleSha256().contains(row.titleSha256());
      if (!body || !title) {
        String altered = !body && !title ? "body and title" : !body ? "body" : "title";
        return new Verdict(
            entry,
            Outcome.STORED_VERBATIM.label(),
            "stored altered: " + altered,
            "row " + row.id());
      }
      return new Verdict(entry, Outcome.STORED_VERBATIM.label(), null, "row " + row.id());
    }
    List<Observations.DeadLetter> letters = new ArrayList<>();
    for (String id : entry.ids()) {
      letters.addAll(seen.deadLetters().getOrDefault(id, List.of()));
    }
    if (!letters.isEmpty()) {
      for (Observations.DeadLetter letter : letters) {
        if (letter.reason() != null && !letter.reason().isBlank()) {
          return new Verdict(
              entry, Outcome.DEAD_LETTERED.label(), null, letter.stage() + ": " + letter.reason());
        }
      }
      return new Verdict(
          entry, Outcome.DEAD_LETTERED.label(), "dead-lettered without a reason", "");
    }
    String failure = first(entry.ids(), seen.publishFailures());
    return new Verdict(
        entry,
        Verdict.MISSING,
        "missing: neither rejected, dead-lettered nor stored",
        failure == null ? "" : "ingest could not publish it: " + failure);
  }

  private static <T> T first(List<String> ids, Map<String, T> byId) {
    for (String id : ids) {
      T value = byId.get(id);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
