package io.wirestream.bench.faults;

import java.util.Arrays;

/** What the pipeline may do with a hostile input and still keep its promise. */
public enum Outcome {
  REJECTED("rejected"),
  DEAD_LETTERED("dead-lettered"),
  STORED_VERBATIM("stored-verbatim");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Outcome ofLabel(String label) {
    return Arrays.stream(values())
        .filter(o -> o.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no such outcome: " + label));
  }
}
