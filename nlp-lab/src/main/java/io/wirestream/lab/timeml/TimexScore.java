package io.wirestream.lab.timeml;

/**
 * TempEval-3 Task A counts. {@code relaxed} pairs overlapping extents one-to-one, {@code strict}
 * counts pairs with identical extents; {@code typeMatches} and {@code valueMatches} are the relaxed
 * pairs whose type (value) agrees, so type F1 = 2T/(S+G) and value F1 = 2V/(S+G).
 */
public record TimexScore(
    int gold, int system, int strict, int relaxed, int typeMatches, int valueMatches) {

  public static final TimexScore ZERO = new TimexScore(0, 0, 0, 0, 0, 0);

  public TimexScore plus(TimexScore o) {
    return new TimexScore(
        gold + o.gold,
        system + o.system,
        strict + o.strict,
        relaxed + o.relaxed,
        typeMatches + o.typeMatches,
        valueMatches + o.valueMatches);
  }

  public double strictPrecision() {
    return ratio(strict, system);
  }

  public double strictRecall() {
    return ratio(strict, gold);
  }

  public double strictF1() {
    return ratio(2.0 * strict, system + gold);
  }

  public double relaxedPrecision() {
    return ratio(relaxed, system);
  }

  public double relaxedRecall() {
    return ratio(relaxed, gold);
  }

  public double relaxedF1() {
    return ratio(2.0 * relaxed, system + gold);
  }

  public double typeF1() {
    return ratio(2.0 * typeMatches, system + gold);
  }

  public double valueF1() {
    return ratio(2.0 * valueMatches, system + gold);
  }

  /** Accuracy of the value over the relaxed matches. */
  public double valueAccuracy() {
    return ratio(valueMatches, relaxed);
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : 100.0 * a / b;
  }

  /** A multi-line report in percent. */
  public String report() {
    return String.format(
        "gold %d, system %d%n"
            + "strict   P %6.2f  R %6.2f  F1 %6.2f%n"
            + "relaxed  P %6.2f  R %6.2f  F1 %6.2f%n"
            + "type F1  %6.2f%n"
            + "value F1 %6.2f  (value accuracy on relaxed matches %.2f)%n",
        gold,
        system,
        strictPrecision(),
        strictRecall(),
        strictF1(),
        relaxedPrecision(),
        relaxedRecall(),
        relaxedF1(),
        typeF1(),
        valueF1(),
        valueAccuracy());
  }
}
