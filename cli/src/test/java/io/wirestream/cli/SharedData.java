package io.wirestream.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only data folder beside the repository ({@code ../shared}); tests skip without it. */
final class SharedData {

  private SharedData() {}

  static Path require(String relative) {
    Path path = Path.of(System.getProperty("wirestream.shared", "../../shared")).resolve(relative);
    assumeTrue(
        Files.exists(path), "skipped: " + path + " not found (the shared data folder is absent)");
    return path;
  }

  static Path seedArticle() {
    return require("seeds/000_6007e88cfec98b27.txt");
  }
}
