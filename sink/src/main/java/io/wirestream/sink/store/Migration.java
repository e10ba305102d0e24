package io.wirestream.sink.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One numbered schema change: {@code V<n>.sql} in the dialect's migration folder. The first comment
 * line describes it; statements end with a semicolon at the end of a line.
 */
record Migration(int version, String description, List<String> statements) {

  /** Loads migration {@code version} of a dialect, or empty when there is no such script. */
  static Optional<Migration> load(Dialect dialect, int version) {
    String path = dialect.migrationFolder() + "V" + version + ".sql";
    try (InputStream in = Migration.class.getResourceAsStream(path)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(parse(version, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + path, e);
    }
  }

  /** Every migration of a dialect, V1 upwards until the first missing number. */
  static List<Migration> all(Dialect dialect) {
    List<Migration> migrations = new ArrayList<>();
    for (int version = 1; ; version++) {
      Optional<Migration> next = load(dialect, version);
      if (next.isEmpty()) {
        return migrations;
      }
      migrations.add(next.get());
    }
  }

  static Migration parse(int version, String script) {
    List<String> lines = script.lines().collect(Collectors.toList());
    String description =
        lines.stream()
            .filter(line -> line.startsWith("--"))
            .findFirst()
            .map(line -> line.substring(2).trim())
            .orElse("V" + version);
    String code =
        lines.stream()
            .filter(line -> !line.strip().startsWith("--"))
            .collect(Collectors.joining("\n"));
    List<String> statements =
        Arrays.stream(code.split(";\\s*(\\n|$)"))
            .map(String::strip)
            .filter(statement -> !statement.isEmpty())
            .collect(Collectors.toUnmodifiableList());
    return new Migration(version, description, statements);
  }
}
