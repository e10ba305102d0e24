package io.wirestream.bench.faults;

import java.util.Arrays;

/** The families of hostile input; {@link #CONTROL} is a normal Reuters story. */
public enum Kind {
  BROKEN_JSON("broken-json"),
  DEEP_NESTING("deep-nesting"),
  BINARY_GARBAGE("binary-garbage"),
  NUL_BYTES("nul-bytes"),
  INVALID_UTF8("invalid-utf8"),
  LONE_SURROGATE("lone-surrogate"),
  BODY_10MB("body-10mb"),
  LINE_100MB("line-100mb"),
  MILLION_TOKENS("million-tokens"),
  SINGLE_TOKEN_1MB("single-token-1mb"),
  REPEATED_WORD_600KB("repeated-word-600kb"),
  ENTITY_DENSE_200KB("entity-dense-200kb"),
  RTL_ZERO_WIDTH("rtl-zero-width"),
  SQL_INJECTION("sql-injection"),
  DATE_YEAR_99999("date-year-99999"),
  DATE_BEFORE_1900("date-before-1900"),
  DUPLICATE_KEYS("duplicate-keys"),
  MISSING_FIELDS("missing-fields"),
  WRONG_TYPES("wrong-types"),
  EMPTY_BODY("empty-body"),
  SEED_WITHOUT_DATE("seed-without-date"),
  HUGE_LINE_COUNT("huge-line-count"),
  CONTROL("control");

  private final String label;

  Kind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Kind ofLabel(String label) {
    return Arrays.stream(values())
        .filter(k -> k.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no such kind: " + label));
  }
}
