package io.wirestream.ingest.format;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** A file format that articles arrive in. */
public interface ArticleFormat {

  /**
   * Reads every record of {@code file}, passing each article or rejection to {@code results} in
   * file order. Only an unreadable file throws; a bad record is a rejection and reading goes on.
   */
  void read(Path file, Consumer<ParseResult> results) throws java.io.IOException;

  /** Picks the format by file name: {@code .jsonl}/{@code .ndjson}/{@code .json} or seed text. */
  static ArticleFormat forFile(Path file, String source, InputLimits limits) {
    return forFile(file, source, limits, false);
  }

  /**
   * Like {@link #forFile(Path, String, InputLimits)}; with {@code bodiesFromPages}, JSON-lines
   * records with a {@code url} and no body are passed on for their page to complete.
   */
  static ArticleFormat forFile(
      Path file, String source, InputLimits limits, boolean bodiesFromPages) {
    if (isJsonLines(file)) {
      return new JsonLinesFormat(source, limits.maxLineBytes(), bodiesFromPages);
    }
    return new SeedTextFormat(source, limits.maxFileBytes());
  }

  /** True for a file read as JSON lines, one record a line: by name, as {@link #forFile} picks. */
  static boolean isJsonLines(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return List.of(".jsonl", ".ndjson", ".json").stream().anyMatch(name::endsWith);
  }
}
