package io.wirestream.bench.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one JSON-lines record whose body is too big to build in memory: the body goes out chunk by
 * chunk, escaped, while its {@link TextHash} is computed from the same characters.
 */
final class StreamedRecord {

  private final OutputStream out;
  private final TextHash hash = new TextHash();
  private long bytes;
  private long chars;
  private boolean open;

  StreamedRecord(OutputStream out) {
    this.out = out;
  }

  /** Writes the fields before the body; the body must be the last field. */
  void begin(String id, String source, String published, String title) throws IOException {
    JsonRecord head =
        new JsonRecord()
            .str("id", id)
            .str("source", source)
            .str("published", published)
            .str("title", title);
    String json = head.json();
    write(json.substring(0, json.length() - 1) + ",\"body\":\"");
    open = true;
  }

  /** Appends text to the body. */
  void body(String chunk) throws IOException {
    if (!open) {
      throw new IllegalStateException("begin first");
    }
    String quoted = JsonRecord.quote(chunk);
    write(quoted.substring(1, quoted.length() - 1));
    hash.update(chunk);
    chars += chunk.length();
  }

  long bodyChars() {
    return chars;
  }

  /** Closes the record and its line; returns the body's hash. */
  String end() throws IOException {
    write("\"}");
    open = false;
    return hash.hex();
  }

  /** The record's size without the final line break. */
  long bytes() {
    return bytes;
  }

  private void write(String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    out.write(b);
    bytes += b.length;
  }
}
