package io.wirestream.ingest.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Expands the inputs named on the command line into the article files they hold. */
public final class InputFiles {

  private static final Logger LOG = LoggerFactory.getLogger(InputFiles.class);

  private InputFiles() {}

  /**
   * Files are returned as given; directories are walked recursively, in name order, skipping hidden
   * entries (editors' swap files, {@code .DS_Store}). A subdirectory that cannot be listed is
   * reported and skipped, so one unreadable folder does not hold up the rest.
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
        List<Path> found = new ArrayList<>();
        try {
          Files.walkFileTree(input, new Collector(input, found));
        } catch (IOException e) {
          LOG.warn("cannot list {}: {}", input, e.toString());
        }
        found.sort(null);
        files.addAll(found);
      } else {
        files.add(input);
      }
    }
    return files;
  }

  private static final class Collector extends SimpleFileVisitor<Path> {
    private final Path root;
    private final List<Path> found;

    Collector(Path root, List<Path> found) {
      this.root = root;
      this.found = found;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      return dir.equals(root) || !isHidden(root.relativize(dir))
          ? FileVisitResult.CONTINUE
          : FileVisitResult.SKIP_SUBTREE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if ((attrs.isRegularFile() || Files.isRegularFile(file))
          && !isHidden(root.relativize(file))) {
        found.add(file);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      LOG.warn("cannot list {}: {}", file, e.toString());
      return FileVisitResult.CONTINUE;
    }
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
