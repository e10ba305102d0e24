package io.wirestream.lab.timeml;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The hand-made TimeML files under src/test/resources/timeml. */
final class Fixtures {

  private Fixtures() {}

  static Path dir(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/timeml/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
