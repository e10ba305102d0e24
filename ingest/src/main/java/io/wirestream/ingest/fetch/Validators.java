package io.wirestream.ingest.fetch;

/**
 * What a previous response said about its version ({@code ETag}, {@code Last-Modified}), sent back
 * as {@code If-None-Match} and {@code If-Modified-Since}; either may be null.
 */
public record Validators(String etag, String lastModified) {

  public static final Validators NONE = new Validators(null, null);

  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
