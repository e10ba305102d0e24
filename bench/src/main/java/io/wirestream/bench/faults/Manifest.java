package io.wirestream.bench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code manifest.jsonl}: one {@link ManifestEntry} a line, in the order the inputs were made. */
public final class Manifest {

  public static final String FILE_NAME = "manifest.jsonl";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {}

  public static void write(Path file, List<ManifestEntry> entries) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (ManifestEntry entry : entries) {
        out.write(MAPPER.writeValueAsString(entry));
        out.write('\n');
      }
    }
  }

  public static List<ManifestEntry> read(Path file) throws IOException {
    List<ManifestEntry> entries = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          entries.add(parse(line));
        }
      }
    }
    return entries;
  }

  static ManifestEntry parse(String line) {
    try {
      return MAPPER.readValue(line, ManifestEntry.class);
    } catch (IOException e) {
      throw new UncheckedIOException("bad manifest line: " + line, e);
    }
  }
}
