package io.wirestream.lab.timeml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@code .tml} files of a directory tree, sorted by path. */
public final class TimemlFiles {

  private TimemlFiles() {}

  public static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".tml"))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
