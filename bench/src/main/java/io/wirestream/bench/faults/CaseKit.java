package io.wirestream.bench.faults;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** What the families share: the run's random source, the default source, plain article text. */
final class CaseKit {

  private static final String[] WORDS = {
    "the",
    "market",
    "said",
    "on",
    "shares",
    "rose",
    "percent",
    "government",
    "minister",
    "talks",
    "bank",
    "rates",
    "company",
    "quarter",
    "profit",
    "officials",
    "week",
    "exports",
    "prices",
    "reported",
    "analysts",
    "expected",
    "year",
    "trade",
    "agreement",
    "oil",
    "output",
    "council"
  };

  final Random random;
  final String defaultSource;
  final Names names;

  CaseKit(Random random, String defaultSource, Names names) {
    this.random = random;
    this.defaultSource = defaultSource;
    this.names = names;
  }

  /** A few plain sentences naming the serial, so no two inputs share a body. */
  String prose(int serial) {
    StringBuilder text = new StringBuilder();
    text.append(names.person(random)).append(" of ").append(names.company(random));
    text.append(" said on Tuesday in ").append(names.place(random)).append(" that item ");
    text.append(serial).append(" was filed.");
    int words = 8 + random.nextInt(20);
    text.append(' ')
        .append(Character.toUpperCase(WORDS[0].charAt(0)))
        .append(WORDS[0].substring(1));
    for (int i = 0; i < words; i++) {
      text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.append('.').toString();
  }

  String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  String date() {
    return String.format(
        "20%02d-%02d-%02d",
        10 + random.nextInt(15), 1 + random.nextInt(12), 1 + random.nextInt(28));
  }

  String nativeId(Kind kind, int serial) {
    return "hostile-" + kind.label() + "-" + serial;
  }

  /** A well-formed JSON record; the family then spoils one field of it. */
  Valid valid(Kind kind, int serial) {
    return new Valid(
        nativeId(kind, serial),
        "hostile",
        null,
        "Item " + serial + " " + word(),
        prose(serial),
        date());
  }

  /** The fields of an article that is well-formed apart from what a family puts in them. */
  record Valid(String id, String source, String url, String title, String body, String published) {

    Valid withId(String v) {
      return new Valid(v, source, url, title, body, published);
    }

    Valid withSource(String v) {
      return new Valid(id, v, url, title, body, published);
    }

    Valid withTitle(String v) {
      return new Valid(id, source, url, v, body, published);
    }

    Valid withBody(String v) {
      return new Valid(id, source, url, title, v, published);
    }

    Valid withPublished(String v) {
      return new Valid(id, source, url, title, body, v);
    }

    JsonRecord record() {
      JsonRecord r = new JsonRecord();
      if (id != null) {
        r.str("id", id);
      }
      if (source != null) {
        r.str("source", source);
      }
      if (url != null) {
        r.str("url", url);
      }
      r.str("published", published);
      if (title != null) {
        r.str("title", title);
      }
      if (body != null) {
        r.str("body", body);
      }
      return r;
    }
  }

  String idOf(Valid v) {
    return JsonRecord.expectedId(
        defaultSource, v.source(), v.id(), v.url(), v.published(), v.body());
  }

  /** The record as a JSON line that, if accepted, must be stored exactly as written. */
  Case json(Kind kind, String variant, Valid v, Set<Outcome> expect) {
    return Case.storable(
        kind,
        variant,
        false,
        v.record().bytes(),
        expect,
        List.of(idOf(v)),
        List.of(TextHash.normaliseBody(v.body())),
        titles(v.title()));
  }

  /** A seed text file: {@code header}, a line break, then the body. */
  Case seed(Kind kind, String variant, String header, String body, Set<Outcome> expect) {
    String normalised = TextHash.normaliseBody(body);
    String published = header.replaceFirst("^\\s*date\\s+", "").trim();
    return Case.storable(
        kind,
        variant,
        true,
        (header + "\n" + body).getBytes(StandardCharsets.UTF_8),
        expect,
        seedIds(published, normalised),
        List.of(normalised),
        titles((String) null));
  }

  /**
   * A seed file's date is stored in its ISO form, which writes a year beyond 9999 with a sign; both
   * spellings are candidates.
   */
  private static List<String> seedIds(String published, String body) {
    List<String> ids = new ArrayList<>();
    ids.add(io.wirestream.common.model.ArticleIds.fromContent(published, body));
    if (published.matches("\\d{5,}-.*")) {
      ids.add(io.wirestream.common.model.ArticleIds.fromContent("+" + published, body));
    }
    return ids;
  }

  static List<String> titles(String... titles) {
    List<String> out = new ArrayList<>();
    for (String t : titles) {
      out.add(t);
    }
    return out;
  }

  /** {@code before}, then raw bytes, then {@code after}. */
  static byte[] splice(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
