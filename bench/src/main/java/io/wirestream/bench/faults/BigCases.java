package io.wirestream.bench.faults;

import io.wirestream.common.model.ArticleIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inputs that are hostile by size: each JSON one in a file of its own, followed by a control
 * article so a control queues right behind it, plus seed files of the same shapes.
 *
 * <p>Sizes are multiplied by {@code scale} (1 for the real suite; tests use a small fraction).
 */
final class BigCases {

  private static final Set<Outcome> ANY =
      Case.outcomes(Outcome.REJECTED, Outcome.DEAD_LETTERED, Outcome.STORED_VERBATIM);

  private final CaseKit kit;
  private final double scale;
  private int serial;

  BigCases(CaseKit kit, double scale) {
    this.kit = kit;
    this.scale = scale;
  }

  private long size(long full) {
    return Math.max(64, (long) (full * scale));
  }

  /** Writes all of them; every JSON file also gets the next control from {@code controls}. */
  void write(Path dir, List<ManifestEntry> manifest, Iterator<Case> controls) throws IOException {
    try (JsonLinesFile f = new JsonLinesFile(dir, "00-line-100mb.jsonl", manifest)) {
      words(f, Kind.LINE_100MB, "100 MB body on one line", size(100L << 20), Long.MAX_VALUE);
      f.add(controls.next());
    }
    try (JsonLinesFile f = new JsonLinesFile(dir, "01-body-10mb.jsonl", manifest)) {
      words(f, Kind.BODY_10MB, "10 MB body with paragraphs", size(10L << 20), Long.MAX_VALUE);
      f.add(controls.next());
    }
    try (JsonLinesFile f = new JsonLinesFile(dir, "02-million-tokens.jsonl", manifest)) {
      words(f, Kind.MILLION_TOKENS, "1,000,000 tokens", Long.MAX_VALUE, size(1_000_000));
      f.add(controls.next());
    }
    try (JsonLinesFile f = new JsonLinesFile(dir, "03-single-token-1mb.jsonl", manifest)) {
      streamed(f, Kind.SINGLE_TOKEN_1MB, "1 MB token", singleToken(size(1L << 20)));
      f.add(controls.next());
    }
    try (JsonLinesFile f = new JsonLinesFile(dir, "04-repeated-word-600kb.jsonl", manifest)) {
      streamed(f, Kind.REPEATED_WORD_600KB, "600 KB of one word", repeatedWord(size(600L << 10)));
      f.add(controls.next());
    }
    try (JsonLinesFile f = new JsonLinesFile(dir, "05-entity-dense-200kb.jsonl", manifest)) {
      for (int i = 0; i < 4; i++) {
        streamed(
            f,
            Kind.ENTITY_DENSE_200KB,
            "200 KB of names, #" + (i + 1),
            entityDense(size(200L << 10)));
        f.add(controls.next());
      }
    }
    try (JsonLinesFile f = new JsonLinesFile(dir, "06-many-blank-lines.jsonl", manifest)) {
      int blanks = (int) size(300_000);
      f.fillerLines(blanks, "");
      f.add(
          kit.json(
              Kind.HUGE_LINE_COUNT,
              "record after " + blanks + " empty lines",
              kit.valid(Kind.HUGE_LINE_COUNT, 1),
              Case.outcomes(Outcome.STORED_VERBATIM)));
      f.fillerLines(blanks, " \t ");
      f.add(
          kit.json(
              Kind.HUGE_LINE_COUNT,
              "record after " + blanks + " whitespace lines",
              kit.valid(Kind.HUGE_LINE_COUNT, 2),
              Case.outcomes(Outcome.STORED_VERBATIM)));
      f.add(controls.next());
    }
    seedFile(
        dir,
        manifest,
        "seed-big-single-token.txt",
        kit.seed(
            Kind.SINGLE_TOKEN_1MB,
            "1 MB token, seed file",
            "date " + kit.date(),
            singleToken(size(1L << 20)),
            ANY));
    seedFile(
        dir,
        manifest,
        "seed-big-repeated-word.txt",
        kit.seed(
            Kind.REPEATED_WORD_600KB,
            "600 KB of one word, seed file",
            "date " + kit.date(),
            repeatedWord(size(600L << 10)),
            ANY));
    seedFile(
        dir,
        manifest,
        "seed-big-entity-dense.txt",
        kit.seed(
            Kind.ENTITY_DENSE_200KB,
            "200 KB of names, seed file",
            "date " + kit.date(),
            entityDense(size(200L << 10)),
            ANY));
    seedFile(
        dir,
        manifest,
        "seed-big-million-lines.txt",
        kit.seed(
            Kind.HUGE_LINE_COUNT,
            size(1_000_000) + " lines, seed file",
            "date " + kit.date(),
            manyLines((int) size(1_000_000)),
            ANY));
    int blanks = (int) size(100_000);
    seedFile(
        dir,
        manifest,
        "seed-big-blank-lines.txt",
        kit.seed(
            Kind.HUGE_LINE_COUNT,
            blanks + " blank lines before the body, seed file",
            "date " + kit.date(),
            "\n".repeat(blanks) + kit.prose(3),
            Case.outcomes(Outcome.STORED_VERBATIM)));
  }

  /** Words and paragraph breaks up to {@code maxChars} characters or {@code maxTokens} words. */
  private void words(JsonLinesFile f, Kind kind, String variant, long maxChars, long maxTokens)
      throws IOException {
    StreamedRecord r = f.streamed();
    String id = kit.nativeId(kind, 0);
    String title = kind.label() + " " + kit.word();
    r.begin(id, "hostile", kit.date(), title);
    StringBuilder chunk = new StringBuilder(1 << 16);
    long tokens = 0;
    long chars = 0;
    while (chars + chunk.length() < maxChars && tokens < maxTokens) {
      if (tokens > 0) {
        chunk.append(tokens % 120 == 0 ? "\n\n" : " ");
      }
      chunk.append(tokens % 17 == 0 ? kit.names.place(kit.random) : kit.word());
      tokens++;
      if (chunk.length() >= 1 << 15) {
        chars += chunk.length();
        r.body(chunk.toString());
        chunk.setLength(0);
      }
    }
    chunk.append('.');
    r.body(chunk.toString());
    String bodyHash = r.end();
    f.endStreamed(
        entry(
            kind,
            variant + " (" + tokens + " tokens, " + r.bodyChars() + " chars)",
            r.bytes(),
            id,
            bodyHash,
            title));
  }

  private void streamed(JsonLinesFile f, Kind kind, String variant, String body)
      throws IOException {
    StreamedRecord r = f.streamed();
    String id = kit.nativeId(kind, ++serial);
    String title = kind.label() + " " + kit.word();
    r.begin(id, "hostile", kit.date(), title);
    r.body(body);
    String bodyHash = r.end();
    f.endStreamed(entry(kind, variant, r.bytes(), id, bodyHash, title));
  }

  private ManifestEntry entry(
      Kind kind, String variant, long bytes, String id, String bodyHash, String title) {
    Set<String> labels = new TreeSet<>();
    ANY.forEach(o -> labels.add(o.label()));
    return new ManifestEntry(
        "",
        0,
        kind.label(),
        variant,
        bytes,
        List.of(ArticleIds.fromSourceId("hostile", id)),
        labels,
        List.of(bodyHash),
        List.of(TextHash.of(title)));
  }

  private String singleToken(long chars) {
    StringBuilder token = new StringBuilder((int) chars);
    for (long i = 0; i < chars; i++) {
      token.append((char) ('a' + kit.random.nextInt(26)));
    }
    return token.toString();
  }

  private String repeatedWord(long chars) {
    String word = kit.word();
    StringBuilder text = new StringBuilder((int) chars + word.length());
    text.append(word);
    while (text.length() < chars) {
      text.append(' ').append(word);
    }
    return text.toString();
  }

  /** Sentence after sentence of people, companies and places, as a wire story never is. */
  private String entityDense(long chars) {
    StringBuilder text = new StringBuilder((int) chars + 256);
    while (text.length() < chars) {
      if (text.length() > 0) {
        text.append(text.length() % 7 == 0 ? "\n\n" : " ");
      }
      text.append(kit.names.person(kit.random))
          .append(" of ")
          .append(kit.names.company(kit.random));
      text.append(" met ")
          .append(kit.names.person(kit.random))
          .append(" in ")
          .append(kit.names.place(kit.random));
      text.append(" and ").append(kit.names.place(kit.random)).append('.');
    }
    return text.toString();
  }

  private String manyLines(int lines) {
    StringBuilder text = new StringBuilder(lines * 3);
    for (int i = 0; i < lines; i++) {
      if (i > 0) {
        text.append('\n');
      }
      text.append('x').append(i % 10);
    }
    return text.toString();
  }

  private static void seedFile(Path dir, List<ManifestEntry> manifest, String name, Case c)
      throws IOException {
    Files.write(dir.resolve(name), c.bytes());
    manifest.add(c.entry(name, 1));
  }
}
