package io.wirestream.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.common.serde.Json;
import io.wirestream.ingest.format.ParseResult;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a JSON Feed (versions 1 and 1.1, https://www.jsonfeed.org/version/1.1/) into the same
 * results as {@link FeedParser}: one per item, {@code FEEDURL#item N}. An item's body is its {@code
 * content_html} (as text), else {@code content_text}, else {@code summary}; its date is {@code
 * date_published}, else {@code date_modified}.
 */
final class JsonFeedParser {

  private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

  private final FeedParser articles;

  JsonFeedParser(FeedParser articles) {
    this.articles = articles;
  }

  /** A document whose first character after whitespace (and a byte-order mark) is a brace. */
  static boolean looksLikeJson(byte[] document) {
    int i = 0;
    if (document.length >= 3
        && document[0] == (byte) 0xEF
        && document[1] == (byte) 0xBB
        && document[2] == (byte) 0xBF) {
      i = 3;
    }
    while (i < document.length && Character.isWhitespace(document[i])) {
      i++;
    }
    return i < document.length && document[i] == '{';
  }

  ParsedFeed parse(byte[] document, URI feed) throws FeedParseException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(document);
    } catch (JsonProcessingException e) {
      throw new FeedParseException(feed + ": not well-formed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new FeedParseException(feed + ": not well-formed JSON: " + e.getMessage());
    }
    if (root == null
        || !root.isObject()
        || !root.path("version").asText("").startsWith(VERSION_PREFIX)) {
      throw new FeedParseException(feed + ": not a JSON Feed (no jsonfeed.org version)");
    }
    JsonNode items = root.path("items");
    if (!items.isArray()) {
      throw new FeedParseException(feed + ": JSON Feed without an items array");
    }
    String feedLanguage = text(root, "language");
    List<ParseResult> results = new ArrayList<>();
    for (JsonNode item : items) {
      results.add(item(item, feedLanguage, feed, results.size() + 1));
    }
    return new ParsedFeed(results, FeedHints.NONE);
  }

  private ParseResult item(JsonNode item, String feedLanguage, URI feed, int n) {
    String location = feed + "#item " + n;
    if (!item.isObject()) {
      return new ParseResult.Rejected(location, "item is not a JSON object");
    }
    String url = text(item, "url");
    if (url != null) {
      url = FeedParser.resolve(feed, url);
    }
    boolean pageMayFill = articles.pageFallback() && url != null;
    String dateText = text(item, "date_published");
    if (dateText == null) {
      dateText = text(item, "date_modified");
    }
    if (dateText == null && !pageMayFill) {
      return new ParseResult.Rejected(location, "no date (date_published or date_modified)");
    }
    Optional<String> published =
        dateText == null ? Optional.of(FeedParser.PAGE_FILLS) : FeedDates.parse(dateText);
    if (published.isEmpty()) {
      return new ParseResult.Rejected(location, "unparseable date '" + dateText + "'");
    }
    String body = "";
    String html = text(item, "content_html");
    if (html != null) {
      body = HtmlText.toPlainText(html);
    }
    if (body.isEmpty() && text(item, "content_text") != null) {
      body = HtmlText.normalisePlain(text(item, "content_text"));
    }
    if (body.isEmpty() && text(item, "summary") != null) {
      body = HtmlText.normalisePlain(text(item, "summary"));
    }
    if (body.isEmpty() && !pageMayFill) {
      return new ParseResult.Rejected(location, "empty body");
    }
    String id = text(item, "id");
    String title = text(item, "title");
    String language = text(item, "language");
    return articles.article(
        feed,
        location,
        id != null ? id : url,
        url,
        title == null ? null : HtmlText.normalisePlain(title).replace("\n\n", " "),
        body,
        published.get(),
        language != null ? language : feedLanguage);
  }

  /** A string member, stripped; null when absent, blank or not a string or number. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !(value.isTextual() || value.isNumber())) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }
}
