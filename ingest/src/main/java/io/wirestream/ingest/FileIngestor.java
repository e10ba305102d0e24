package io.wirestream.ingest;

import io.wirestream.ingest.format.ArticleFormat;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.source.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads article files and directories and hands every article to a publisher; rejections go to a
 * listener with file, line and reason, and reading goes on.
 *
 * <p>Remembers each file's size and modification time, so a following ingest re-reads only files
 * that are new or changed. Re-reading a changed file republishes its articles under the same ids,
 * which downstream stages treat as the same articles.
 */
public final class FileIngestor {

  private final List<Path> inputs;
  private final String source;
  private final Map<Path, Stamp> seen = new HashMap<>();

  private record Stamp(long size, FileTime modified) {}

  public FileIngestor(List<Path> inputs, String source) {
    this.inputs = List.copyOf(inputs);
    this.source = source;
  }

  /**
   * Reads every input file not seen in this state yet.
   *
   * @return the number of files read in this pass
   */
  public int pass(
      ArticlePublisher publisher, IngestStats stats, Consumer<ParseResult.Rejected> rejections)
      throws IOException {
    int read = 0;
    for (Path file : InputFiles.expand(inputs)) {
      Stamp stamp = new Stamp(Files.size(file), Files.getLastModifiedTime(file));
      if (stamp.equals(seen.get(file))) {
        continue;
      }
      seen.put(file, stamp);
      read++;
      stats.countFile();
      ArticleFormat.forFile(file, source)
          .read(
              file,
              result -> {
                if (result instanceof ParseResult.Parsed parsed) {
                  publisher.publish(parsed.article());
                } else if (result instanceof ParseResult.Rejected rejected) {
                  stats.countRejected();
                  rejections.accept(rejected);
                }
              });
    }
    return read;
  }
}
