package io.wirestream.ingest.sitemap;

/** A sitemap document that could not be read; the message is the reason for the dead letter. */
public final class SitemapException extends Exception {

  public SitemapException(String message, Throwable cause) {
    super(message, cause);
  }
}
