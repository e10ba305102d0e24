package io.wirestream.ingest.state;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file as ingest last left it: a file with the same size and modification time, or the same
 * content, is not read again once it is done. A file still being read when a transaction was
 * committed has a mark that says so, with the number of its records handed over so far: a restarted
 * ingest skips those and goes on from the next one. A JSON-lines file that grew since it was done
 * (lines appended) is read from the first line after those it had.
 *
 * @param modifiedMillis modification time, milliseconds since the epoch
 * @param sha256 hex SHA-256 of the content
 * @param records records (articles and rejections) of the file that are committed, or null in marks
 *     written before they were counted
 * @param reading true while the file is being read; null once it is done
 */
public record FileMark(
    String path,
    long size,
    long modifiedMillis,
    String sha256,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long records,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean reading) {

  /** The mark of a file that is done, its records not counted. */
  public FileMark(String path, long size, long modifiedMillis, String sha256) {
    this(path, size, modifiedMillis, sha256, null, null);
  }

  /** True if every record of the file was delivered. */
  public boolean done() {
    return !Boolean.TRUE.equals(reading);
  }
}
