package io.wirestream.ingest.state;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file as it was when all its articles were delivered: a file with the same size and modification
 * time, or the same content, is not read again. A file still being read when a transaction was
 * committed has a mark with the number of its records handed over so far: a restarted ingest skips
 * those and goes on from the next one.
 *
 * @param modifiedMillis modification time, milliseconds since the epoch
 * @param sha256 hex SHA-256 of the content
 * @param records records (articles and rejections) of a file not finished that are committed, or
 *     null once the file is done
 */
public record FileMark(
    String path,
    long size,
    long modifiedMillis,
    String sha256,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long records) {

  /** The mark of a file that is done. */
  public FileMark(String path, long size, long modifiedMillis, String sha256) {
    this(path, size, modifiedMillis, sha256, null);
  }

  /** True if every record of the file was delivered. */
  public boolean done() {
    return records == null;
  }
}
