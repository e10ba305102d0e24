package io.wirestream.common.model;

/**
 * A temporal expression in an article body with its TIMEX3 type and normalised value, resolved
 * against the article's publication date ("last week" in an article of 2017-04-12 → 2017-W14).
 *
 * <p>Offsets follow the same convention as {@link Entity}.
 */
public record TemporalExpression(String text, int start, int end, TimexType type, String value) {

  public TemporalExpression {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + "," + end + ") for '" + text + "'");
    }
  }
}
