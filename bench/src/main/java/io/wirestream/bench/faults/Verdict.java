package io.wirestream.bench.faults;

/**
 * What became of one input.
 *
 * @param outcome an {@link Outcome} label, or {@link #MISSING}
 * @param violation why this breaks the promise or the manifest's expectation; null if it does not
 * @param detail the reason given, or what was compared
 */
public record Verdict(ManifestEntry entry, String outcome, String violation, String detail) {

  public static final String MISSING = "missing";

  public boolean isViolation() {
    return violation != null;
  }
}
