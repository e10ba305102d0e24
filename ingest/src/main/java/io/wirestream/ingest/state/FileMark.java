package io.wirestream.ingest.state;

/**
 * A file as it was when all its articles were delivered: a file with the same size and modification
 * time, or the same content, is not read again.
 *
 * @param modifiedMillis modification time, milliseconds since the epoch
 * @param sha256 hex SHA-256 of the content
 */
public record FileMark(String path, long size, long modifiedMillis, String sha256) {}
