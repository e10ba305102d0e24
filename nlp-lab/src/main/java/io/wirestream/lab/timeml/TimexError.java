package io.wirestream.lab.timeml;

/**
 * One disagreement between system and gold: a missed gold expression, a spurious system one, or a
 * relaxed match whose extent, type or value differs. {@code context} is the sentence-sized
 * neighbourhood with the expression in [brackets].
 */
public record TimexError(String document, Kind kind, Timex gold, Timex system, String context) {

  public enum Kind {
    MISSED,
    SPURIOUS,
    WRONG_VALUE,
    WRONG_TYPE,
    WRONG_EXTENT
  }

  @Override
  public String toString() {
    String g = gold == null ? "-" : "'" + gold.text() + "' " + gold.type() + " " + gold.value();
    String s =
        system == null ? "-" : "'" + system.text() + "' " + system.type() + " " + system.value();
    return String.format("%-12s %s | gold %s | system %s | %s", kind, document, g, s, context);
  }
}
