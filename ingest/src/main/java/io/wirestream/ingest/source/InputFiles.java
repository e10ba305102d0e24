package io.wirestream.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the inputs named on the command line into the article files they hold. */
public final class InputFiles {

  private InputFiles() {}

  /**
   * Files are returned as given; directories are walked recursively, in name order, skipping hidden
   * entries (editors' swap files, {@code .DS_Store}).
   *
   * @throws IllegalArgumentException naming the first input that does not exist
   */
  public static List<Path> expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new IllegalArgumentException("no such file or directory: " + input);
      }
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !isHidden(input.relativize(p)))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + input, e);
        }
      } else {
        files.add(input);
      }
    }
    return files;
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
