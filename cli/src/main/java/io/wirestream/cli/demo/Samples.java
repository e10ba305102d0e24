package io.wirestream.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The sample articles shipped with Wirestream, written for it, for a demo without input. */
final class Samples {

  static final List<String> NAMES =
      List.of(
          "01-harbour-strike.txt",
          "02-central-bank.txt",
          "03-volcano.txt",
          "04-football-transfer.txt");

  private Samples() {}

  /** Copies the samples into {@code dir} (so users can read and edit them) and returns it. */
  static Path writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name : NAMES) {
      try (InputStream in =
          Samples.class.getResourceAsStream("/io/wirestream/cli/samples/" + name)) {
        if (in == null) {
          throw new IllegalStateException("sample " + name + " missing from the build");
        }
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }
}
