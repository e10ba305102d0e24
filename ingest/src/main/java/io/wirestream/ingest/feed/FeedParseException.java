package io.wirestream.ingest.feed;

/**
 * A feed document as a whole is unusable: not well-formed XML, or neither RSS 2.0 nor Atom. Bad
 * single items are not exceptions but rejections, so one broken item costs only that item.
 */
public final class FeedParseException extends Exception {

  private static final long serialVersionUID = 1L;

  public FeedParseException(String message) {
    super(message);
  }
}
