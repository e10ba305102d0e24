package io.wirestream.bench.faults;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A JSON-lines input file being written, counting lines so each entry names its own. */
final class JsonLinesFile implements Closeable {

  private final String name;
  private final OutputStream out;
  private final List<ManifestEntry> manifest;
  private int lines;

  JsonLinesFile(Path dir, String name, List<ManifestEntry> manifest) throws IOException {
    this.name = name;
    this.out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16);
    this.manifest = manifest;
  }

  String name() {
    return name;
  }

  void add(Case c) throws IOException {
    for (byte b : c.bytes()) {
      if (b == '\n') {
        throw new IllegalStateException(
            "a record must be one line: " + c.kind() + " " + c.variant());
      }
    }
    out.write(c.bytes());
    out.write('\n');
    lines++;
    manifest.add(c.entry(name, lines));
  }

  /** Writes {@code count} lines holding only {@code filler} (blank to the ingest). */
  void fillerLines(int count, String filler) throws IOException {
    byte[] line = (filler + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < count; i++) {
      out.write(line);
    }
    lines += count;
  }

  /** A record written straight to the file; the caller ends its line with {@link #endStreamed}. */
  StreamedRecord streamed() {
    return new StreamedRecord(out);
  }

  void endStreamed(ManifestEntry withoutLine) throws IOException {
    out.write('\n');
    lines++;
    ManifestEntry e = withoutLine;
    manifest.add(
        new ManifestEntry(
            name,
            lines,
            e.kind(),
            e.variant(),
            e.bytes(),
            e.ids(),
            e.expect(),
            e.bodySha256(),
            e.titleSha256()));
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
