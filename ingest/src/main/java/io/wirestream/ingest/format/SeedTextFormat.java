package io.wirestream.ingest.format;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One article a file: optional leading whitespace, {@code date YYYY-MM-DD}, then the body (on the
 * same line or the next), paragraphs separated by blank lines.
 *
 * <p>The article id is derived from date and body, so renaming or copying a file does not create a
 * second article. The file's name without its extension is all the format says of the article
 * besides, and is kept as its {@code sourceId} (the seed corpora name each file by the story's id).
 */
public final class SeedTextFormat implements ArticleFormat {

  private static final Pattern HEADER = Pattern.compile("\\A\\s*date\\s+(\\S+)[ \\t]*\\R?");
  private static final DateTimeFormatter STRICT_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private final String source;
  private final int maxFileBytes;

  /**
   * @param maxFileBytes a larger file is rejected having read only this much of it
   */
  public SeedTextFormat(String source, int maxFileBytes) {
    this.source = source;
    this.maxFileBytes = maxFileBytes;
  }

  @Override
  public void read(Path file, Consumer<ParseResult> results) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxFileBytes == Integer.MAX_VALUE ? maxFileBytes : maxFileBytes + 1);
    }
    if (bytes.length > maxFileBytes) {
      results.accept(
          new ParseResult.Rejected(
              file + ":1", "file larger than " + maxFileBytes + " bytes (ingest.max.file.bytes)"));
      return;
    }
    results.accept(parse(bytes, file.toString()));
  }

  /** Parses one article's bytes; {@code name} is used in error locations. */
  public ParseResult parse(byte[] bytes, String name) {
    String location = name + ":1";
    String text;
    try {
      text = Utf8.decode(bytes, 0, bytes.length);
    } catch (CharacterCodingException e) {
      return new ParseResult.Rejected(location, e.getMessage());
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    Matcher header = HEADER.matcher(text);
    if (!header.find()) {
      return new ParseResult.Rejected(location, "no 'date YYYY-MM-DD' header line");
    }
    String dateText = header.group(1);
    LocalDate date;
    try {
      date = Article.parsePublished(LocalDate.parse(dateText, STRICT_DATE).toString());
    } catch (DateTimeException | IllegalArgumentException e) {
      return new ParseResult.Rejected(location, "impossible or malformed date '" + dateText + "'");
    }
    String body = normaliseBody(text.substring(header.end()));
    if (body.isBlank()) {
      return new ParseResult.Rejected(location, "empty body");
    }
    String published = date.toString();
    Article article =
        Article.builder(ArticleIds.fromContent(published, body), source, body, published)
            .sourceId(fileStem(name))
            .build();
    return new ParseResult.Parsed(article, location);
  }

  /** The last element of a path without its extension; null when nothing is left. */
  static String fileStem(String name) {
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    int dot = last.lastIndexOf('.');
    String stem = dot > 0 ? last.substring(0, dot) : last;
    return stem.isBlank() ? null : stem;
  }

  /** Trims the ends and unifies line breaks; inner text and paragraph breaks stay as written. */
  static String normaliseBody(String body) {
    return body.replace("\r\n", "\n").replace('\r', '\n').strip();
  }
}
