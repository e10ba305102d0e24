package io.wirestream.ingest;

import java.util.List;
import java.util.Locale;

/**
 * The class of an input rejection, for the {@code reason} tag of {@code
 * wirestream.articles.rejected}: a rejection's text names the file, the field and the value, which
 * would make a new series of every bad line; its class is one of a handful. The classes follow the
 * messages the formats, the feed parser and the publisher write (pinned by {@code
 * RejectReasonTest}).
 */
public final class RejectReason {

  public static final String TOO_LARGE = "too_large";
  public static final String ENCODING = "encoding";
  public static final String MALFORMED = "malformed";
  public static final String DATE = "date";
  public static final String EMPTY_BODY = "empty_body";
  public static final String UNREADABLE = "unreadable";
  public static final String OTHER = "other";

  public static final List<String> ALL =
      List.of(TOO_LARGE, ENCODING, MALFORMED, DATE, EMPTY_BODY, UNREADABLE, OTHER);

  private RejectReason() {}

  public static String classOf(String reason) {
    if (reason == null) {
      return OTHER;
    }
    String text = reason.toLowerCase(Locale.ROOT);
    if (text.contains("longer than") || text.contains("larger than")) {
      return TOO_LARGE;
    }
    if (text.contains("utf-8") || text.contains("surrogate")) {
      return ENCODING;
    }
    if (text.contains("empty body")) {
      return EMPTY_BODY;
    }
    if (text.contains("date")) {
      return DATE;
    }
    if (text.contains("json") || text.contains("not a valid")) {
      return MALFORMED;
    }
    if (text.startsWith("cannot read")) {
      return UNREADABLE;
    }
    return OTHER;
  }
}
