package io.wirestream.ingest.feed;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.ingest.format.ParseResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed 1.1 document into one {@link ParseResult}
 * per item, at location {@code FEEDURL#item N} (1-based). Relative links are resolved against the
 * feed's URL.
 *
 * <p>An item without a date, with a date that is none of the feed date forms, or with no text left
 * once its HTML is stripped is rejected, and the other items go on. A document that is not
 * well-formed XML, or whose root is neither {@code <rss>} nor an Atom {@code <feed>}, throws {@link
 * FeedParseException} and yields nothing: a truncated download must not pass as a feed with fewer
 * items.
 *
 * <p>DTDs and external entities are off, so a document cannot make the parser read local files or
 * fetch URLs (XXE); an entity it declares is an error like any other malformed XML.
 */
public final class FeedParser {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String SY = "http://purl.org/rss/1.0/modules/syndication/";
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  static final String RSS1 = "http://purl.org/rss/1.0/";

  private static final XMLInputFactory FACTORY = newFactory();
  private static final Pattern XML_DECLARATION_ENCODING =
      Pattern.compile("\\s*<\\?xml[^>]*\\sencoding\\s*=");

  /**
   * The date or body of an item that has none but links to a page, which is to give it: only a
   * parser {@link #withPageFallback()} makes such items, and only the poller's page step reads
   * them.
   */
  static final String PAGE_FILLS = "";

  private final String configuredSource;
  private final boolean pageFallback;

  /**
   * @param source the articles' source name, or null for the host of each feed's URL
   */
  public FeedParser(String source) {
    this(source, false);
  }

  private FeedParser(String source, boolean pageFallback) {
    this.configuredSource = source;
    this.pageFallback = pageFallback;
  }

  /**
   * A parser that lets through an item without a date or without text when it has a link, with that
   * field empty ({@link #awaitsPage}), so that the item's page can give it.
   */
  public FeedParser withPageFallback() {
    return new FeedParser(configuredSource, true);
  }

  boolean pageFallback() {
    return pageFallback;
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** The source name for a feed: the configured one, else the URL's host, else "feeds". */
  public String sourceFor(URI feed) {
    if (configuredSource != null && !configuredSource.isBlank()) {
      return configuredSource;
    }
    String host = feed.getHost();
    return host == null || host.isEmpty() ? "feeds" : host;
  }

  /**
   * Parses a whole feed document; the XML declaration or byte-order mark decides the encoding.
   *
   * @throws FeedParseException if the document is not well-formed or not a feed
   */
  public List<ParseResult> parse(InputStream in, URI feed) throws FeedParseException {
    return parse(feed, () -> FACTORY.createXMLStreamReader(in)).items();
  }

  /**
   * Parses a fetched document. A byte-order mark or an encoding in the XML declaration decides the
   * encoding; failing both, the charset the server named (may be null), else UTF-8. Servers often
   * name a default charset that the document itself contradicts, hence this order.
   *
   * @throws FeedParseException if the document is not well-formed or not a feed
   */
  public List<ParseResult> parse(byte[] document, URI feed, Charset serverCharset)
      throws FeedParseException {
    return parseFeed(document, feed, serverCharset).items();
  }

  /**
   * Like {@link #parse(byte[], URI, Charset)}, with the feed's update hints ({@code ttl}, {@code
   * sy:updatePeriod}, {@code sy:updateFrequency}).
   *
   * @throws FeedParseException if the document is not well-formed or not a feed
   */
  public ParsedFeed parseFeed(byte[] document, URI feed, Charset serverCharset)
      throws FeedParseException {
    if (JsonFeedParser.looksLikeJson(document)) {
      return new JsonFeedParser(this).parse(document, feed);
    }
    if (serverCharset == null || declaresEncoding(document)) {
      return parse(feed, () -> FACTORY.createXMLStreamReader(new ByteArrayInputStream(document)));
    }
    return parse(
        feed,
        () ->
            FACTORY.createXMLStreamReader(
                new InputStreamReader(new ByteArrayInputStream(document), serverCharset)));
  }

  private static boolean declaresEncoding(byte[] document) {
    if (document.length >= 2
        && ((document[0] == (byte) 0xFE && document[1] == (byte) 0xFF)
            || (document[0] == (byte) 0xFF && document[1] == (byte) 0xFE)
            || (document[0] == (byte) 0xEF && document[1] == (byte) 0xBB))) {
      return true;
    }
    String head =
        new String(document, 0, Math.min(document.length, 256), StandardCharsets.ISO_8859_1);
    return XML_DECLARATION_ENCODING.matcher(head).lookingAt();
  }

  private interface ReaderFactory {
    XMLStreamReader open() throws XMLStreamException;
  }

  /** The channel-level elements that say how often a feed changes, as they are read. */
  private static final class Hints {
    Integer ttl;
    String updatePeriod;
    Integer updateFrequency;

    /** Takes the element the reader is on if it is a hint; false if it is none. */
    boolean read(XMLStreamReader reader, String ns, String name, boolean rss)
        throws XMLStreamException {
      if (rss && ns.isEmpty() && name.equals("ttl")) {
        ttl = FeedHints.positiveInt(reader.getElementText());
      } else if (ns.equals(SY) && name.equals("updatePeriod")) {
        updatePeriod = blankToNull(reader.getElementText());
      } else if (ns.equals(SY) && name.equals("updateFrequency")) {
        updateFrequency = FeedHints.positiveInt(reader.getElementText());
      } else {
        return false;
      }
      return true;
    }

    FeedHints toHints() {
      return new FeedHints(ttl, updatePeriod, updateFrequency);
    }
  }

  private ParsedFeed parse(URI feed, ReaderFactory open) throws FeedParseException {
    XMLStreamReader reader = null;
    try {
      reader = open.open();
      // Not nextTag(): old feeds carry a DOCTYPE (ignored, never fetched) before the root.
      while (reader.next() != XMLStreamConstants.START_ELEMENT) {
        // prolog: declaration, DOCTYPE, comments, processing instructions
      }
      String root = reader.getLocalName();
      String ns = reader.getNamespaceURI();
      List<ParseResult> results = new ArrayList<>();
      Hints hints = new Hints();
      if ("rss".equals(root) && (ns == null || ns.isEmpty())) {
        readRss(reader, feed, results, hints);
      } else if ("feed".equals(root) && ATOM.equals(ns)) {
        readAtom(reader, feed, results, hints);
      } else if ("RDF".equals(root) && RDF.equals(ns)) {
        readRdf(reader, feed, results, hints);
      } else {
        throw new FeedParseException(
            feed + ": not an RSS, RDF or Atom feed (root element <" + root + ">)");
      }
      // Read to the end so that garbage or truncation after the last item is noticed.
      while (reader.hasNext()) {
        reader.next();
      }
      return new ParsedFeed(results, hints.toHints());
    } catch (XMLStreamException e) {
      String message = String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
      throw new FeedParseException(feed + ": not well-formed XML: " + message);
    } catch (RuntimeException e) {
      // Some StAX implementations report malformed input with unchecked exceptions.
      throw new FeedParseException(feed + ": not well-formed XML: " + e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException e) {
          // nothing more to read; the result stands
        }
      }
    }
  }

  /** One child element of an item: its text (or markup, for Atom xhtml) and attributes. */
  private record Field(String text, Map<String, String> attributes) {}

  private void readRss(XMLStreamReader reader, URI feed, List<ParseResult> results, Hints hints)
      throws XMLStreamException {
    String channelLanguage = null;
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        String name = reader.getLocalName();
        String ns = nsOf(reader);
        if (depth == 2 && ns.isEmpty() && name.equals("item")) {
          Map<String, Field> fields = readChildren(reader, false);
          results.add(rssItem(fields, channelLanguage, feed, results.size() + 1));
        } else if (depth == 2 && name.equals("language") && (ns.isEmpty() || ns.equals(DC))) {
          channelLanguage = blankToNull(reader.getElementText());
        } else if (depth == 2 && hints.read(reader, ns, name, true)) {
          // read to its end tag: depth unchanged
        } else {
          depth++;
        }
      }
    }
  }

  /**
   * RSS 1.0: items are siblings of the channel under {@code rdf:RDF}, their elements are in the RSS
   * 1.0 namespace, and {@code rdf:about} names each one. The fields are mapped onto their RSS 2.0
   * names so that one item reader serves both.
   */
  private void readRdf(XMLStreamReader reader, URI feed, List<ParseResult> results, Hints hints)
      throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        String name = reader.getLocalName();
        String ns = nsOf(reader);
        if (depth == 1 && ns.equals(RSS1) && name.equals("item")) {
          String about = reader.getAttributeValue(RDF, "about");
          Map<String, Field> fields = new HashMap<>();
          readChildren(reader, false)
              .forEach(
                  (key, field) ->
                      fields.put(
                          key.startsWith(RSS1 + "|") ? key.substring(RSS1.length()) : key, field));
          if (about != null && !about.isBlank()) {
            fields.putIfAbsent("|guid", new Field(about, Map.of()));
          }
          results.add(rssItem(fields, null, feed, results.size() + 1));
        } else if (depth == 2 && hints.read(reader, ns, name, false)) {
          // a channel's sy: hints; read to its end tag: depth unchanged
        } else {
          depth++;
        }
      }
    }
  }

  private void readAtom(XMLStreamReader reader, URI feed, List<ParseResult> results, Hints hints)
      throws XMLStreamException {
    String feedLanguage = reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        if (depth == 1
            && ATOM.equals(reader.getNamespaceURI())
            && reader.getLocalName().equals("entry")) {
          String language = reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
          Map<String, Field> fields = readChildren(reader, true);
          results.add(
              atomEntry(
                  fields, language == null ? feedLanguage : language, feed, results.size() + 1));
        } else if (depth == 1 && hints.read(reader, nsOf(reader), reader.getLocalName(), false)) {
          // read to its end tag: depth unchanged
        } else {
          depth++;
        }
      }
    }
  }

  /**
   * Reads the children of the element the reader is on, keyed {@code ns|localName}; the first of a
   * name wins, except that Atom links are keyed by their {@code rel}.
   */
  private static Map<String, Field> readChildren(XMLStreamReader reader, boolean atom)
      throws XMLStreamException {
    Map<String, Field> fields = new HashMap<>();
    while (true) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return fields;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String key = nsOf(reader) + "|" + reader.getLocalName();
      Map<String, String> attributes = new HashMap<>();
      for (int i = 0; i < reader.getAttributeCount(); i++) {
        attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
      }
      if (atom && key.equals(ATOM + "|link")) {
        key += "|" + attributes.getOrDefault("rel", "alternate");
      }
      boolean markup = atom && "xhtml".equals(attributes.get("type"));
      String text = readContent(reader, markup);
      fields.putIfAbsent(key, new Field(text, attributes));
    }
  }

  /**
   * The text inside the current element up to its end tag. With {@code markup} nested elements are
   * kept as tags and text is escaped, giving HTML (Atom {@code type="xhtml"}); without, nested text
   * is simply concatenated.
   */
  private static String readContent(XMLStreamReader reader, boolean markup)
      throws XMLStreamException {
    StringBuilder out = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (markup) {
            out.append('<').append(reader.getLocalName()).append('>');
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          if (markup && depth > 0) {
            out.append("</").append(reader.getLocalName()).append('>');
          }
        }
        case XMLStreamConstants.CHARACTERS,
            XMLStreamConstants.CDATA,
            XMLStreamConstants.SPACE,
            XMLStreamConstants.ENTITY_REFERENCE -> {
          String text = reader.getText();
          out.append(markup ? text.replace("&", "&amp;").replace("<", "&lt;") : text);
        }
        default -> {
          // comments and processing instructions carry no article text
        }
      }
    }
    return out.toString();
  }

  private ParseResult rssItem(Map<String, Field> f, String channelLanguage, URI feed, int n) {
    String location = feed + "#item " + n;
    String link = text(f, "|link");
    if (link != null) {
      link = resolve(feed, link);
    }
    boolean pageMayFill = pageFallback && link != null;
    Optional<String> published;
    String dateText = text(f, "|pubDate");
    if (dateText != null) {
      published = FeedDates.parse(dateText);
      if (published.isEmpty() && text(f, DC + "|date") != null) {
        published = FeedDates.parse(text(f, DC + "|date"));
      }
    } else {
      dateText = text(f, DC + "|date");
      if (dateText == null && !pageMayFill) {
        return new ParseResult.Rejected(location, "no date (pubDate or dc:date)");
      }
      published = dateText == null ? Optional.of(PAGE_FILLS) : FeedDates.parse(dateText);
    }
    if (published.isEmpty()) {
      return new ParseResult.Rejected(location, "unparseable date '" + dateText.strip() + "'");
    }
    String html = text(f, CONTENT + "|encoded");
    if (html == null || HtmlText.toPlainText(html).isEmpty()) {
      html = text(f, "|description");
    }
    String body = html == null ? "" : HtmlText.toPlainText(html);
    if (body.isEmpty() && !pageMayFill) {
      return new ParseResult.Rejected(location, "empty body");
    }
    String guid = text(f, "|guid");
    String language = text(f, DC + "|language");
    return article(
        feed,
        location,
        guid != null ? guid : link,
        link,
        blankToNull(HtmlText.toLine(Optional.ofNullable(text(f, "|title")).orElse(""))),
        body,
        published.get(),
        language != null ? language : channelLanguage);
  }

  private ParseResult atomEntry(Map<String, Field> f, String language, URI feed, int n) {
    String location = feed + "#item " + n;
    Field link = f.get(ATOM + "|link|alternate");
    String url = link == null ? null : blankToNull(link.attributes().get("href"));
    if (url != null) {
      url = resolve(feed, url);
    }
    boolean pageMayFill = pageFallback && url != null;
    String dateText = text(f, ATOM + "|published");
    if (dateText == null) {
      dateText = text(f, ATOM + "|updated");
    }
    if (dateText == null && !pageMayFill) {
      return new ParseResult.Rejected(location, "no date (published or updated)");
    }
    Optional<String> published =
        dateText == null ? Optional.of(PAGE_FILLS) : FeedDates.parse(dateText);
    if (published.isEmpty()) {
      return new ParseResult.Rejected(location, "unparseable date '" + dateText.strip() + "'");
    }
    String body = atomText(f.get(ATOM + "|content"));
    if (body.isEmpty()) {
      body = atomText(f.get(ATOM + "|summary"));
    }
    if (body.isEmpty() && !pageMayFill) {
      return new ParseResult.Rejected(location, "empty body");
    }
    String id = text(f, ATOM + "|id");
    Field title = f.get(ATOM + "|title");
    return article(
        feed,
        location,
        id != null ? id : url,
        url,
        title == null ? null : blankToNull(atomLine(title)),
        body,
        published.get(),
        language);
  }

  ParseResult article(
      URI feed,
      String location,
      String sourceId,
      String url,
      String title,
      String body,
      String published,
      String language) {
    String source = sourceFor(feed);
    String id =
        sourceId != null
            ? ArticleIds.fromSourceId(source, sourceId)
            : ArticleIds.fromContent(published, body);
    return new ParseResult.Parsed(
        Article.builder(id, source, body, published)
            .url(url)
            .title(title)
            .language(language)
            .sourceId(sourceId)
            .build(),
        location);
  }

  /**
   * True for an item whose date or body is left for its page to give ({@link #PAGE_FILLS}): only
   * from a parser {@link #withPageFallback() with page fallback}.
   */
  public static boolean awaitsPage(Article item) {
    return item.body().isEmpty() || item.published().isEmpty();
  }

  /** Atom text constructs: {@code type="text"} (the default) is plain, html and xhtml are HTML. */
  private static String atomText(Field field) {
    if (field == null) {
      return "";
    }
    return isHtml(field)
        ? HtmlText.toPlainText(field.text())
        : HtmlText.normalisePlain(field.text());
  }

  private static String atomLine(Field field) {
    return isHtml(field)
        ? HtmlText.toLine(field.text())
        : HtmlText.normalisePlain(field.text()).replace("\n\n", " ");
  }

  private static boolean isHtml(Field field) {
    return field.attributes().getOrDefault("type", "text").contains("html");
  }

  static String resolve(URI feed, String href) {
    try {
      return feed.resolve(href.strip()).toString();
    } catch (IllegalArgumentException e) {
      return href.strip();
    }
  }

  private static String text(Map<String, Field> fields, String key) {
    Field field = fields.get(key);
    return field == null ? null : blankToNull(field.text().strip());
  }

  private static String nsOf(XMLStreamReader reader) {
    String ns = reader.getNamespaceURI();
    return ns == null ? "" : ns;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
