package io.wirestream.bench.faults;

import static io.wirestream.bench.faults.Outcome.DEAD_LETTERED;
import static io.wirestream.bench.faults.Outcome.REJECTED;
import static io.wirestream.bench.faults.Outcome.STORED_VERBATIM;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Inputs that are broken below the level of fields: JSON syntax, nesting, bytes that are not text
 * or not UTF-8, NULs and lone surrogates.
 */
final class FormatFamilies {

  private final CaseKit kit;

  FormatFamilies(CaseKit kit) {
    this.kit = kit;
  }

  List<CaseFamily> all() {
    return List.of(
        brokenJson(), deepNesting(), binaryGarbage(), nulBytes(), invalidUtf8(), loneSurrogate());
  }

  private CaseFamily brokenJson() {
    Kind k = Kind.BROKEN_JSON;
    return Variants.of(
        k,
        s -> {
          String json = kit.valid(k, s).record().json();
          int cut = 1 + kit.random.nextInt(json.length() - 2);
          return Case.rejected(k, "truncated at char " + cut, false, utf8(json.substring(0, cut)));
        },
        s ->
            Case.rejected(
                k,
                "single quotes",
                false,
                utf8(kit.valid(k, s).record().json().replace('"', '\''))),
        s ->
            Case.rejected(
                k,
                "unquoted keys",
                false,
                utf8(
                    kit.valid(k, s)
                        .record()
                        .json()
                        .replaceAll("\"(id|body|published|title|source)\":", "$1:"))),
        s ->
            Case.rejected(
                k,
                "trailing comma",
                false,
                utf8(kit.valid(k, s).record().json().replaceFirst("}$", ",}"))),
        s ->
            Case.rejected(
                k,
                "missing comma",
                false,
                utf8(
                    kit.valid(k, s)
                        .record()
                        .json()
                        .replaceFirst(",\"published\"", " \"published\""))),
        s ->
            Case.rejected(
                k,
                "unterminated string",
                false,
                utf8(
                    "{\"id\":\""
                        + kit.nativeId(k, s)
                        + "\",\"published\":\""
                        + kit.date()
                        + "\",\"body\":\""
                        + kit.prose(s))),
        s ->
            Case.rejected(
                k,
                "raw tab and newline escape missing",
                false,
                utf8(
                    "{\"id\":\""
                        + kit.nativeId(k, s)
                        + "\",\"published\":\""
                        + kit.date()
                        + "\",\"body\":\"a\tb\"}")),
        s ->
            Case.rejected(
                k,
                "bad escape \\x41",
                false,
                utf8(
                    "{\"id\":\""
                        + kit.nativeId(k, s)
                        + "\",\"published\":\""
                        + kit.date()
                        + "\",\"body\":\"\\x41 "
                        + s
                        + "\"}")),
        s ->
            Case.rejected(
                k,
                "NaN value",
                false,
                utf8(
                    "{\"id\":\""
                        + kit.nativeId(k, s)
                        + "\",\"published\":\""
                        + kit.date()
                        + "\",\"body\":\"x "
                        + s
                        + "\",\"score\":NaN}")),
        s ->
            Case.rejected(
                k,
                "comment inside",
                false,
                utf8(
                    "{/* c */\"id\":\""
                        + kit.nativeId(k, s)
                        + "\",\"published\":\""
                        + kit.date()
                        + "\",\"body\":\"x "
                        + s
                        + "\"}")),
        s ->
            Case.rejected(
                k, "top-level array", false, utf8("[" + kit.valid(k, s).record().json() + "]")),
        s -> Case.rejected(k, "top-level string", false, utf8(JsonRecord.quote(kit.prose(s)))),
        s -> Case.rejected(k, "top-level number", false, utf8(Integer.toString(s))),
        s -> Case.rejected(k, "top-level null", false, utf8("null")),
        s -> Case.rejected(k, "lone closing brace", false, utf8("}")),
        s -> {
          // Jackson reads the first value of a line and by default ignores what follows it.
          CaseKit.Valid v = kit.valid(k, s);
          Case stored =
              kit.json(
                  k,
                  "trailing garbage after the object",
                  v,
                  Case.outcomes(REJECTED, STORED_VERBATIM));
          return withBytes(stored, utf8(v.record().json() + " trailing ]] garbage"));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          CaseKit.Valid second = kit.valid(k, s).withId(v.id() + "-second");
          Case stored =
              kit.json(k, "two objects on one line", v, Case.outcomes(REJECTED, STORED_VERBATIM));
          return withBytes(stored, utf8(v.record().json() + second.record().json()));
        });
  }

  private CaseFamily deepNesting() {
    Kind k = Kind.DEEP_NESTING;
    return Variants.of(
        k,
        s -> {
          int depth = depth();
          CaseKit.Valid v = kit.valid(k, s);
          String json = v.record().json();
          String nested = "[".repeat(depth) + "]".repeat(depth);
          return Case.rejected(
              k,
              "body is " + depth + " nested arrays",
              false,
              utf8(
                  json.replaceFirst(
                      ",\"body\":\".*\"}$",
                      ",\"body\":" + java.util.regex.Matcher.quoteReplacement(nested) + "}")));
        },
        s -> {
          int depth = depth();
          CaseKit.Valid v = kit.valid(k, s);
          String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
          Case c =
              kit.json(
                  k,
                  "extra field " + depth + " nested objects",
                  v,
                  Case.outcomes(REJECTED, STORED_VERBATIM));
          String json = v.record().json();
          return withBytes(
              c, utf8(json.substring(0, json.length() - 1) + ",\"meta\":" + nested + "}"));
        },
        s -> Case.rejected(k, "unclosed arrays", false, utf8("[".repeat(depth()))),
        s -> {
          int depth = depth();
          return Case.rejected(
              k,
              "line is " + depth + " nested objects",
              false,
              utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        });
  }

  private int depth() {
    return 10_000 + kit.random.nextInt(40_001);
  }

  private CaseFamily binaryGarbage() {
    Kind k = Kind.BINARY_GARBAGE;
    return Variants.of(
        k,
        s -> Case.rejected(k, "random bytes", false, garbage(16 + kit.random.nextInt(4096))),
        s ->
            Case.rejected(
                k,
                "random bytes after an opening brace",
                false,
                CaseKit.splice("{\"body\":\"", garbage(64 + kit.random.nextInt(512)), "\"}")),
        s ->
            Case.rejected(
                k,
                "random bytes after a date line",
                true,
                CaseKit.splice(
                    "date " + kit.date() + "\n", garbage(64 + kit.random.nextInt(4096)), "")),
        s ->
            Case.rejected(
                k, "random bytes, no date line", true, garbage(16 + kit.random.nextInt(8192))));
  }

  /** Random bytes without a line break and with at least one 0xFF, which UTF-8 never has. */
  private byte[] garbage(int size) {
    byte[] bytes = new byte[size];
    kit.random.nextBytes(bytes);
    for (int i = 0; i < size; i++) {
      if (bytes[i] == '\n') {
        bytes[i] = (byte) 0xFE;
      }
    }
    bytes[kit.random.nextInt(size)] = (byte) 0xFF;
    return bytes;
  }

  private CaseFamily nulBytes() {
    Kind k = Kind.NUL_BYTES;
    return Variants.of(
        k,
        s ->
            Case.rejected(
                k,
                "raw NUL inside the body string",
                false,
                CaseKit.splice(
                    "{\"id\":\""
                        + kit.nativeId(k, s)
                        + "\",\"published\":\""
                        + kit.date()
                        + "\",\"body\":\"before",
                    new byte[] {0, 0, 0},
                    "after\"}")),
        s ->
            Case.rejected(
                k,
                "raw NUL between tokens",
                false,
                CaseKit.splice(
                    "{\"id\":\"" + kit.nativeId(k, s) + "\",",
                    new byte[] {0},
                    "\"published\":\"" + kit.date() + "\",\"body\":\"x\"}")),
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          v = v.withBody(v.body() + " \u0000 escaped NUL \u0000\u0000 end.");
          return kit.json(
              k,
              "escaped NUL (\\u0000) in the body",
              v,
              Case.outcomes(REJECTED, DEAD_LETTERED, STORED_VERBATIM));
        },
        s -> {
          CaseKit.Valid v = kit.valid(k, s);
          v = v.withTitle("\u0000" + v.title());
          return kit.json(
              k,
              "escaped NUL (\\u0000) in the title",
              v,
              Case.outcomes(REJECTED, DEAD_LETTERED, STORED_VERBATIM));
        },
        s ->
            kit.seed(
                k,
                "raw NUL in a seed body",
                "date " + kit.date(),
                kit.prose(s) + "\u0000" + kit.prose(s) + "\u0000 end.",
                Case.outcomes(REJECTED, DEAD_LETTERED, STORED_VERBATIM)));
  }

  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
    {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong, three bytes
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
    {(byte) 0x80}, // a lone continuation byte
    {(byte) 0xBF, (byte) 0xBF},
    {(byte) 0xFE},
    {(byte) 0xFF},
    {(byte) 0xE2, (byte) 0x82}, // truncated euro sign
    {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, // truncated emoji
    {(byte) 0xC3}, // truncated two-byte sequence
    {(byte) 0xE9, (byte) 0x74, (byte) 0xE9}, // Latin-1 "été"
  };

  private CaseFamily invalidUtf8() {
    Kind k = Kind.INVALID_UTF8;
    return Variants.of(
        k,
        s -> {
          byte[] bad = badSequence();
          return Case.rejected(
              k,
              "in the body: " + hex(bad),
              false,
              CaseKit.splice(
                  "{\"id\":\""
                      + kit.nativeId(k, s)
                      + "\",\"published\":\""
                      + kit.date()
                      + "\",\"body\":\""
                      + kit.prose(s),
                  bad,
                  "\"}"));
        },
        s -> {
          byte[] bad = badSequence();
          return Case.rejected(
              k,
              "in the title: " + hex(bad),
              false,
              CaseKit.splice(
                  "{\"id\":\""
                      + kit.nativeId(k, s)
                      + "\",\"published\":\""
                      + kit.date()
                      + "\",\"title\":\"",
                  bad,
                  "\",\"body\":\"" + kit.prose(s) + "\"}"));
        },
        s -> {
          byte[] bad = badSequence();
          return Case.rejected(
              k,
              "in the id: " + hex(bad),
              false,
              CaseKit.splice(
                  "{\"id\":\"",
                  bad,
                  "\",\"published\":\"" + kit.date() + "\",\"body\":\"" + kit.prose(s) + "\"}"));
        },
        s -> {
          byte[] bad = badSequence();
          return Case.rejected(
              k,
              "in a seed body: " + hex(bad),
              true,
              CaseKit.splice("date " + kit.date() + "\n" + kit.prose(s), bad, " end."));
        });
  }

  private byte[] badSequence() {
    return INVALID_UTF8[kit.random.nextInt(INVALID_UTF8.length)];
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.ofDelimiter(" ").formatHex(bytes);
  }

  private CaseFamily loneSurrogate() {
    Kind k = Kind.LONE_SURROGATE;
    String[][] pairs = {
      {"\\ud800", "\ud800"}, {"\\udfff", "\udfff"}, {"\\udc00\\ud800", "\udc00\ud800"}
    };
    return Variants.of(
        k,
        s -> surrogate(k, s, pairs[kit.random.nextInt(pairs.length)], true),
        s -> surrogate(k, s, pairs[kit.random.nextInt(pairs.length)], false));
  }

  /** The surrogate is written as a JSON escape: the line is valid UTF-8 and valid JSON. */
  private Case surrogate(Kind k, int s, String[] escapeAndChars, boolean inBody) {
    CaseKit.Valid v = kit.valid(k, s);
    String marker = "@@SURROGATE@@";
    CaseKit.Valid written =
        inBody ? v.withBody(v.body() + " " + marker + " end.") : v.withTitle(v.title() + marker);
    CaseKit.Valid meant =
        inBody
            ? v.withBody(v.body() + " " + escapeAndChars[1] + " end.")
            : v.withTitle(v.title() + escapeAndChars[1]);
    Case c =
        kit.json(
            k,
            "escaped " + escapeAndChars[0] + (inBody ? " in the body" : " in the title"),
            meant,
            Case.outcomes(REJECTED, DEAD_LETTERED, STORED_VERBATIM));
    return withBytes(c, utf8(written.record().json().replace(marker, escapeAndChars[0])));
  }

  static Case withBytes(Case c, byte[] bytes) {
    return new Case(
        c.kind(), c.variant(), c.seedFile(), bytes, c.expect(), c.ids(), c.bodies(), c.titles());
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
