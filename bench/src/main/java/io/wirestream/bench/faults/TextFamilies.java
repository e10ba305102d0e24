package io.wirestream.bench.faults;

import static io.wirestream.bench.faults.Outcome.DEAD_LETTERED;
import static io.wirestream.bench.faults.Outcome.REJECTED;
import static io.wirestream.bench.faults.Outcome.STORED_VERBATIM;

import java.util.List;

/**
 * Valid records whose text is hostile to whatever handles it later: bidirectional and invisible
 * characters, SQL, and dates far outside the usual range.
 */
final class TextFamilies {

  static final String[] SQL = {
    "'; DROP TABLE articles; --",
    "Robert'); DROP TABLE entities;--",
    "\" OR \"1\"=\"1",
    "' OR 1=1 --",
    "1; UPDATE articles SET body='pwned' WHERE 1=1; --",
    "' UNION SELECT id, body, NULL FROM articles --",
    "'); DELETE FROM canonical_entities; SELECT ('",
    "\\'; ATTACH DATABASE '/tmp/pwn.db' AS pwn; --",
    "%' AND SLEEP(5) AND '%'='",
    "$$; DROP TABLE dates; $$",
    "'||(SELECT sqlite_version())||'",
    "E'\\\\x00'; COPY articles TO '/tmp/x'; --",
  };

  static final String[] BIDI = {
    "الأخبار العاجلة من القاهرة",
    "חדשות היום מירושלים",
    "\u202Egnihtemos\u202C reversed by RLO",
    "mixed \u200Fرسالة\u200E text",
    "zero\u200Bwidth\u200Bspaces",
    "joiner\u200Dand\u200Cnon-joiner",
    "inner\uFEFFbyte-order mark",
    "\u2066isolate\u2069 \u2067rtl isolate\u2069 \u2068first strong\u2069",
    "combining e\u0301\u0301\u0301 marks",
    "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 emoji",
    "\u200B\u200Bleading zero-width spaces",
    "trailing zero-width joiner\u200D",
  };

  private final CaseKit kit;

  TextFamilies(CaseKit kit) {
    this.kit = kit;
  }

  List<CaseFamily> all() {
    return List.of(rtlZeroWidth(), sqlInjection(), year99999(), before1900());
  }

  private CaseFamily rtlZeroWidth() {
    Kind k = Kind.RTL_ZERO_WIDTH;
    return Variants.of(
        k,
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          return kit.json(
              k,
              "in the body",
              v.withBody(pick(BIDI) + " " + v.body() + " " + pick(BIDI)),
              Case.outcomes(STORED_VERBATIM));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          return kit.json(
              k, "in the title", v.withTitle(pick(BIDI) + " " + s), Case.outcomes(STORED_VERBATIM));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          return kit.json(
              k, "in the id", v.withId(pick(BIDI) + "-" + s), Case.outcomes(STORED_VERBATIM));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          return kit.json(
              k, "in the source", v.withSource(pick(BIDI)), Case.outcomes(STORED_VERBATIM));
        },
        s ->
            kit.seed(
                k,
                "in a seed body",
                "date " + kit.date(),
                pick(BIDI) + " " + kit.prose(s) + " " + pick(BIDI),
                Case.outcomes(STORED_VERBATIM)));
  }

  private CaseFamily sqlInjection() {
    Kind k = Kind.SQL_INJECTION;
    return Variants.of(
        k,
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          return kit.json(
              k,
              "in the body",
              v.withBody(v.body() + " " + pick(SQL) + " end."),
              Case.outcomes(STORED_VERBATIM));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          return kit.json(
              k, "in the title", v.withTitle(pick(SQL)), Case.outcomes(STORED_VERBATIM));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          return kit.json(k, "in the id", v.withId(pick(SQL) + s), Case.outcomes(STORED_VERBATIM));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          return kit.json(
              k, "in the source", v.withSource(pick(SQL)), Case.outcomes(STORED_VERBATIM));
        },
        s ->
            kit.seed(
                k,
                "in a seed body",
                "date " + kit.date(),
                kit.prose(s) + " " + pick(SQL),
                Case.outcomes(STORED_VERBATIM)));
  }

  private static final String[] YEAR_99999 = {
    "99999-01-01",
    "+99999-01-01",
    "99999-12-31T23:59:59Z",
    "+99999-06-15T12:00:00+02:00",
    "+99999-01-01T00:00"
  };

  private CaseFamily year99999() {
    Kind k = Kind.DATE_YEAR_99999;
    return Variants.of(
        k,
        s -> {
          String date = pick(YEAR_99999);
          return kit.json(
              k,
              "published " + date,
              kit.valid(k, s).withPublished(date),
              Case.outcomes(REJECTED, DEAD_LETTERED, STORED_VERBATIM));
        },
        s -> {
          String date = kit.random.nextBoolean() ? "99999-01-01" : "+99999-01-01";
          return kit.seed(
              k,
              "seed date " + date,
              "date " + date,
              kit.prose(s),
              Case.outcomes(REJECTED, DEAD_LETTERED, STORED_VERBATIM));
        });
  }

  private static final String[] HISTORIC = {
    "1899-12-31",
    "1850-06-15T12:00:00Z",
    "1066-10-14",
    "1776-07-04T09:00:00-05:00",
    "1492-10-12",
    "1000-01-01"
  };

  private static final String[] ANCIENT = {
    "0001-01-01", "0000-01-01", "-0044-03-15", "-9999-01-01T00:00:00Z"
  };

  private CaseFamily before1900() {
    Kind k = Kind.DATE_BEFORE_1900;
    return Variants.of(
        k,
        s -> {
          String date = pick(HISTORIC);
          return kit.json(
              k,
              "published " + date,
              kit.valid(k, s).withPublished(date),
              Case.outcomes(STORED_VERBATIM));
        },
        s -> {
          // Year 0 and negative years are valid ISO-8601 but unusual enough that any outcome with a
          // reason is fair.
          String date = pick(ANCIENT);
          return kit.json(
              k,
              "published " + date,
              kit.valid(k, s).withPublished(date),
              Case.outcomes(REJECTED, DEAD_LETTERED, STORED_VERBATIM));
        },
        s -> {
          String date = pick(HISTORIC).substring(0, 10);
          return kit.seed(
              k, "seed date " + date, "date " + date, kit.prose(s), Case.outcomes(STORED_VERBATIM));
        });
  }

  /** Drawn from the run's random source: picking by serial would tie each value to one variant. */
  private String pick(String[] values) {
    return values[kit.random.nextInt(values.length)];
  }
}
