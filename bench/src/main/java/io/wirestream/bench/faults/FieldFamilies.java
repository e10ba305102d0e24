package io.wirestream.bench.faults;

import static io.wirestream.bench.faults.FormatFamilies.utf8;
import static io.wirestream.bench.faults.FormatFamilies.withBytes;
import static io.wirestream.bench.faults.Outcome.REJECTED;
import static io.wirestream.bench.faults.Outcome.STORED_VERBATIM;

import java.util.ArrayList;
import java.util.List;

/** Well-formed JSON with a field repeated, missing, of the wrong type, or empty. */
final class FieldFamilies {

  private final CaseKit kit;

  FieldFamilies(CaseKit kit) {
    this.kit = kit;
  }

  List<CaseFamily> all() {
    return List.of(duplicateKeys(), missingFields(), wrongTypes(), emptyBody(), seedWithoutDate());
  }

  private CaseFamily duplicateKeys() {
    Kind k = Kind.DUPLICATE_KEYS;
    return Variants.of(
        k,
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          String other = kit.prose(s) + " (the second body)";
          Case first = kit.json(k, "body twice", v, Case.outcomes(REJECTED, STORED_VERBATIM));
          List<String> bodies = new ArrayList<>(first.bodies());
          bodies.add(other);
          Case c =
              Case.storable(
                  k,
                  first.variant(),
                  false,
                  null,
                  first.expect(),
                  first.ids(),
                  bodies,
                  first.titles());
          return withBytes(c, utf8(v.record().raw("body", JsonRecord.quote(other)).json()));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          String otherId = v.id() + "-second";
          Case first = kit.json(k, "id twice", v, Case.outcomes(REJECTED, STORED_VERBATIM));
          List<String> ids = new ArrayList<>(first.ids());
          ids.add(kit.idOf(v.withId(otherId)));
          Case c =
              Case.storable(
                  k,
                  first.variant(),
                  false,
                  null,
                  first.expect(),
                  ids,
                  first.bodies(),
                  first.titles());
          return withBytes(c, utf8(v.record().str("id", otherId).json()));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          String otherTitle = v.title() + " (second title)";
          Case first = kit.json(k, "title twice", v, Case.outcomes(REJECTED, STORED_VERBATIM));
          Case c =
              Case.storable(
                  k,
                  first.variant(),
                  false,
                  null,
                  first.expect(),
                  first.ids(),
                  first.bodies(),
                  CaseKit.titles(v.title(), otherTitle));
          return withBytes(c, utf8(v.record().str("title", otherTitle).json()));
        },
        s -> {
          // Whichever copy wins, a valid date then a broken one, the record is either whole or
          // rejected.
          CaseKit.Valid v = kit.valid(k, s);
          Case c =
              kit.json(
                  k,
                  "published twice, second not a date",
                  v,
                  Case.outcomes(REJECTED, STORED_VERBATIM));
          return withBytes(c, utf8(v.record().str("published", "not a date").json()));
        });
  }

  private CaseFamily missingFields() {
    Kind k = Kind.MISSING_FIELDS;
    return Variants.of(
        k,
        s -> Case.rejected(k, "no body", false, kit.valid(k, s).withBody(null).record().bytes()),
        s ->
            Case.rejected(
                k, "no published", false, without(kit.valid(k, s).record().json(), "published")),
        s -> Case.rejected(k, "empty object", false, utf8("{}")),
        s ->
            Case.rejected(
                k, "only a body", false, utf8("{\"body\":" + JsonRecord.quote(kit.prose(s)) + "}")),
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          v =
              new CaseKit.Valid(
                  null,
                  v.source(),
                  "https://example.org/hostile/" + s,
                  v.title(),
                  v.body(),
                  v.published());
          return kit.json(k, "no id, has url", v, Case.outcomes(STORED_VERBATIM));
        },
        s ->
            kit.json(
                k, "no id, no url", kit.valid(k, s).withId(null), Case.outcomes(STORED_VERBATIM)),
        s ->
            kit.json(
                k, "no source", kit.valid(k, s).withSource(null), Case.outcomes(STORED_VERBATIM)),
        s ->
            kit.json(
                k, "no title", kit.valid(k, s).withTitle(null), Case.outcomes(STORED_VERBATIM)));
  }

  private static byte[] without(String json, String field) {
    return utf8(json.replaceFirst(",?\"" + field + "\":\"[^\"]*\"", "").replace("{,", "{"));
  }

  private CaseFamily wrongTypes() {
    Kind k = Kind.WRONG_TYPES;
    return Variants.of(
        k,
        s -> {
          // A scalar of the wrong type may be read as its text; that text is then the body.
          CaseKit.Valid v = kit.valid(k, s).withBody(Integer.toString(4200 + s));
          return withBytes(
              kit.json(k, "body is a number", v, Case.outcomes(REJECTED, STORED_VERBATIM)),
              replaceValue(v, "body", Integer.toString(4200 + s)));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s).withBody("true");
          return withBytes(
              kit.json(k, "body is a boolean", v, Case.outcomes(REJECTED, STORED_VERBATIM)),
              replaceValue(v, "body", "true"));
        },
        s ->
            Case.rejected(
                k,
                "body is an object",
                false,
                replaceValue(
                    kit.valid(k, s), "body", "{\"text\":" + JsonRecord.quote(kit.prose(s)) + "}")),
        s ->
            Case.rejected(
                k,
                "body is an array",
                false,
                replaceValue(kit.valid(k, s), "body", "[" + JsonRecord.quote(kit.prose(s)) + "]")),
        s ->
            Case.rejected(
                k,
                "published is a number",
                false,
                replaceValue(kit.valid(k, s), "published", "20200101")),
        s ->
            Case.rejected(
                k,
                "published is an array",
                false,
                replaceValue(kit.valid(k, s), "published", "[2020,1,1]")),
        s -> {
          CaseKit.Valid v = kit.valid(k, s).withId(Integer.toString(900_000 + s));
          return withBytes(
              kit.json(k, "id is a number", v, Case.outcomes(REJECTED, STORED_VERBATIM)),
              replaceValue(v, "id", Integer.toString(900_000 + s)));
        },
        s -> {
          // An object id has no text, so the id falls back to the content.
          CaseKit.Valid v = kit.valid(k, s);
          Case c =
              kit.json(
                  k, "id is an object", v.withId(null), Case.outcomes(REJECTED, STORED_VERBATIM));
          return withBytes(c, replaceValue(v, "id", "{\"n\":" + s + "}"));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s).withTitle(Integer.toString(s));
          return withBytes(
              kit.json(k, "title is a number", v, Case.outcomes(REJECTED, STORED_VERBATIM)),
              replaceValue(v, "title", Integer.toString(s)));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          Case c =
              kit.json(
                  k,
                  "title is an object",
                  v.withTitle(""),
                  Case.outcomes(REJECTED, STORED_VERBATIM));
          Case either =
              Case.storable(
                  k,
                  c.variant(),
                  false,
                  null,
                  c.expect(),
                  c.ids(),
                  c.bodies(),
                  CaseKit.titles("", null));
          return withBytes(either, replaceValue(v, "title", "{\"t\":1}"));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          Case c =
              kit.json(
                  k,
                  "source is an array",
                  v.withSource(null),
                  Case.outcomes(REJECTED, STORED_VERBATIM));
          return withBytes(c, replaceValue(v, "source", "[\"a\",\"b\"]"));
        });
  }

  /** The record with one string field's value replaced by raw JSON. */
  private static byte[] replaceValue(CaseKit.Valid v, String field, String rawJson) {
    String json = v.record().json();
    String quoted = "\"" + field + "\":" + JsonRecord.quote(valueOf(v, field));
    if (!json.contains(quoted)) {
      throw new IllegalStateException("no field " + field + " in " + json);
    }
    return utf8(json.replace(quoted, "\"" + field + "\":" + rawJson));
  }

  private static String valueOf(CaseKit.Valid v, String field) {
    return switch (field) {
      case "id" -> v.id();
      case "source" -> v.source();
      case "title" -> v.title();
      case "body" -> v.body();
      case "published" -> v.published();
      default -> throw new IllegalArgumentException(field);
    };
  }

  private CaseFamily emptyBody() {
    Kind k = Kind.EMPTY_BODY;
    String[] blanks = {"", " ", "   \n  ", "\n\n\t\r\n", "\u2028\u2029", "\u3000\u2003"};
    return Variants.of(
        k,
        s -> {
          String blank = blanks[kit.random.nextInt(blanks.length)];
          return Case.rejected(
              k,
              "blank body " + JsonRecord.quote(blank),
              false,
              kit.valid(k, s).withBody(blank).record().bytes());
        },
        s -> Case.rejected(k, "body null", false, replaceValue(kit.valid(k, s), "body", "null")),
        s -> {
          // Neither is whitespace to Java, so the body is not blank: stored as is, or rejected.
          boolean nbsp = kit.random.nextBoolean();
          String invisible = nbsp ? "\u00A0" : "\u200B";
          return kit.json(
              k,
              "body only " + (nbsp ? "NBSP" : "ZWSP"),
              kit.valid(k, s).withBody(invisible),
              Case.outcomes(REJECTED, STORED_VERBATIM));
        },
        s ->
            Case.rejected(
                k, "seed file with only the date line", true, utf8("date " + kit.date() + "\n")),
        s ->
            Case.rejected(
                k,
                "seed file with a blank body",
                true,
                utf8("date " + kit.date() + "\n\n   \n\t\n")));
  }

  private CaseFamily seedWithoutDate() {
    Kind k = Kind.SEED_WITHOUT_DATE;
    return Variants.of(
        k,
        s -> Case.rejected(k, "body only", true, utf8(kit.prose(s))),
        s ->
            Case.rejected(
                k, "capitalised 'Date'", true, utf8("Date " + kit.date() + "\n" + kit.prose(s))),
        s ->
            Case.rejected(
                k, "'date:' with a colon", true, utf8("date: " + kit.date() + "\n" + kit.prose(s))),
        s ->
            Case.rejected(
                k,
                "'dated' instead of 'date'",
                true,
                utf8("dated " + kit.date() + "\n" + kit.prose(s))),
        s ->
            Case.rejected(
                k,
                "date line after the first line",
                true,
                utf8(kit.prose(s) + "\ndate " + kit.date() + "\n" + kit.prose(s + 1))),
        s -> Case.rejected(k, "'date' with no value", true, utf8("date\n" + kit.prose(s))),
        s ->
            Case.rejected(
                k, "impossible date 2021-13-45", true, utf8("date 2021-13-45\n" + kit.prose(s))),
        s -> Case.rejected(k, "slashes 2021/01/01", true, utf8("date 2021/01/01\n" + kit.prose(s))),
        s -> Case.rejected(k, "empty file", true, new byte[0]));
  }
}
