package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.ingest.format.ParseResult;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

  private static final URI FEED = URI.create("https://news.example.org/world/rss.xml");

  private static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
           xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>World</title>
          <link>https://news.example.org/</link>
          <language>en-gb</language>
          <item>
            <title>Rates &amp;amp; bonds</title>
            <link>https://news.example.org/a/1</link>
            <guid isPermaLink="false">urn:example:1</guid>
            <pubDate>Wed, 12 Apr 2017 10:15:00 +0000</pubDate>
            <description>Short teaser.</description>
            <content:encoded><![CDATA[<p>The central bank raised rates.</p><p>Markets fell &amp; bonds rallied.</p>]]></content:encoded>
          </item>
          <item>
            <title>No date here</title>
            <link>https://news.example.org/a/2</link>
            <description>Body.</description>
          </item>
          <item>
            <link>https://news.example.org/a/3</link>
            <pubDate>sometime last week</pubDate>
            <description>Body.</description>
          </item>
          <item>
            <link>https://news.example.org/a/4</link>
            <dc:date>2017-04-13T08:00:00+02:00</dc:date>
            <dc:language>fr</dc:language>
            <description>&lt;p&gt;Le &lt;b&gt;texte&lt;/b&gt;&amp;nbsp;ici &amp;#8211; caf&amp;eacute;.&lt;/p&gt;</description>
          </item>
          <item>
            <pubDate>Thu, 13 Apr 2017 09:00:00 GMT</pubDate>
            <description><![CDATA[<p> </p><img src="x.png"/>]]></description>
          </item>
          <item>
            <pubDate>Fri, 14 Apr 2017 09:00:00 EST</pubDate>
            <description>Neither guid nor link.</description>
          </item>
        </channel>
      </rss>
      """;

  private static final String ATOM =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
        <title>Example</title>
        <id>urn:uuid:feed</id>
        <updated>2017-04-12T10:15:00Z</updated>
        <entry>
          <id>tag:example.org,2017:1</id>
          <title type="html">Storm &lt;em&gt;hits&lt;/em&gt; coast</title>
          <link rel="self" href="https://example.org/self/1"/>
          <link rel="alternate" href="/2017/storm"/>
          <published>2017-04-12T10:15:00-04:00</published>
          <updated>2017-04-13T00:00:00Z</updated>
          <summary>Teaser</summary>
          <content type="html">&lt;div&gt;Winds of 120 km/h.&lt;/div&gt;&lt;div&gt;Power is out.&lt;/div&gt;</content>
        </entry>
        <entry xml:lang="de">
          <id>tag:example.org,2017:2</id>
          <title>Plain &amp; simple</title>
          <updated>2017-04-14T06:00:00Z</updated>
          <summary type="text">Nur eine
          Zusammenfassung.</summary>
        </entry>
        <entry>
          <id>tag:example.org,2017:3</id>
          <title>Xhtml</title>
          <published>2017-04-15</published>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One &amp; <b>two</b></p><p>Three &lt;4</p></div></content>
        </entry>
        <entry>
          <id>tag:example.org,2017:4</id>
          <title>Undated</title>
          <summary>Body.</summary>
        </entry>
        <entry>
          <id>tag:example.org,2017:5</id>
          <published>12/04/2017</published>
          <summary>Body.</summary>
        </entry>
      </feed>
      """;

  private final FeedParser parser = new FeedParser(null);

  private List<ParseResult> parse(String xml) throws FeedParseException {
    return parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), FEED);
  }

  private static Article article(ParseResult result) {
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).article();
  }

  @Test
  void shouldReadRssItemsPreferringContentEncodedAndRejectingBadOnes() throws Exception {
    List<ParseResult> results = parse(RSS);

    assertThat(results).hasSize(6);
    Article first = article(results.get(0));
    assertThat(first.id()).isEqualTo(ArticleIds.fromSourceId("news.example.org", "urn:example:1"));
    assertThat(first.source()).isEqualTo("news.example.org");
    assertThat(first.url()).isEqualTo("https://news.example.org/a/1");
    assertThat(first.title()).isEqualTo("Rates & bonds");
    assertThat(first.body())
        .isEqualTo("The central bank raised rates.\n\nMarkets fell & bonds rallied.");
    assertThat(first.published()).isEqualTo("2017-04-12T10:15Z");
    assertThat(first.language()).isEqualTo("en-gb");
    assertThat(first.publicationDate()).hasToString("2017-04-12");

    assertThat(results.get(1))
        .isEqualTo(new ParseResult.Rejected(FEED + "#item 2", "no date (pubDate or dc:date)"));
    assertThat(results.get(2))
        .isEqualTo(
            new ParseResult.Rejected(FEED + "#item 3", "unparseable date 'sometime last week'"));

    Article fourth = article(results.get(3));
    assertThat(fourth.id())
        .isEqualTo(ArticleIds.fromSourceId("news.example.org", "https://news.example.org/a/4"));
    assertThat(fourth.body()).isEqualTo("Le texte ici – café.");
    assertThat(fourth.published()).isEqualTo("2017-04-13T08:00+02:00");
    assertThat(fourth.language()).isEqualTo("fr");
    assertThat(fourth.title()).isNull();

    assertThat(results.get(4)).isEqualTo(new ParseResult.Rejected(FEED + "#item 5", "empty body"));

    Article sixth = article(results.get(5));
    assertThat(sixth.id())
        .isEqualTo(ArticleIds.fromContent("2017-04-14T09:00-05:00", "Neither guid nor link."));
    assertThat(sixth.url()).isNull();
  }

  @Test
  void shouldReadAtomEntriesWithTheirTextTypes() throws Exception {
    List<ParseResult> results = parse(ATOM);

    assertThat(results).hasSize(5);
    Article first = article(results.get(0));
    assertThat(first.id())
        .isEqualTo(ArticleIds.fromSourceId("news.example.org", "tag:example.org,2017:1"));
    assertThat(first.title()).isEqualTo("Storm hits coast");
    assertThat(first.url()).isEqualTo("https://news.example.org/2017/storm");
    assertThat(first.published()).isEqualTo("2017-04-12T10:15-04:00");
    assertThat(first.body()).isEqualTo("Winds of 120 km/h.\n\nPower is out.");
    assertThat(first.language()).isEqualTo("en");

    Article second = article(results.get(1));
    assertThat(second.title()).isEqualTo("Plain & simple");
    assertThat(second.published()).isEqualTo("2017-04-14T06:00Z");
    assertThat(second.body()).isEqualTo("Nur eine Zusammenfassung.");
    assertThat(second.language()).isEqualTo("de");
    assertThat(second.url()).isNull();

    Article third = article(results.get(2));
    assertThat(third.body()).isEqualTo("One & two\n\nThree <4");
    assertThat(third.published()).isEqualTo("2017-04-15");

    assertThat(results.get(3))
        .isEqualTo(new ParseResult.Rejected(FEED + "#item 4", "no date (published or updated)"));
    assertThat(results.get(4))
        .isEqualTo(new ParseResult.Rejected(FEED + "#item 5", "unparseable date '12/04/2017'"));
  }

  @Test
  void shouldUseAConfiguredSourceName() throws Exception {
    List<ParseResult> results =
        new FeedParser("wire")
            .parse(new ByteArrayInputStream(RSS.getBytes(StandardCharsets.UTF_8)), FEED);

    assertThat(article(results.get(0)).source()).isEqualTo("wire");
    assertThat(article(results.get(0)).id())
        .isEqualTo(ArticleIds.fromSourceId("wire", "urn:example:1"));
  }

  @Test
  void shouldRefuseMalformedXmlAsAWhole() {
    String truncated = RSS.substring(0, RSS.indexOf("<item>", RSS.indexOf("a/3")));

    assertThatThrownBy(() -> parse(truncated))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith(FEED + ": not well-formed XML");
  }

  @Test
  void shouldRefuseADocumentThatIsNotAFeed() {
    assertThatThrownBy(() -> parse("<html><body>Moved</body></html>"))
        .isInstanceOf(FeedParseException.class)
        .hasMessage(FEED + ": not an RSS, RDF or Atom feed (root element <html>)");
    assertThatThrownBy(() -> parse("<feed><entry/></feed>"))
        .as("a <feed> outside the Atom namespace")
        .isInstanceOf(FeedParseException.class);
  }

  @Test
  void shouldNotResolveExternalEntities(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + "<rss version=\"2.0\"><channel><item><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>"
            + "<description>leak &xxe; here</description></item></channel></rss>";

    // With DTDs off the declared entity is unknown, so the document is malformed as a whole.
    assertThatThrownBy(() -> parse(xxe))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("xxe")
        .hasMessageNotContaining("TOP-SECRET");
  }

  @Test
  void shouldReadAFeedWithADoctypeWithoutFetchingIt() throws Exception {
    String old =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
            + " \"http://127.0.0.1:9/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><item>"
            + "<link>https://news.example.org/old</link><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>"
            + "<description>Old but fine.</description></item></channel></rss>";

    assertThat(parse(old))
        .singleElement()
        .satisfies(r -> assertThat(article(r).body()).isEqualTo("Old but fine."));
  }

  @Test
  void shouldGoByNamespaceNotPrefix() throws Exception {
    String rss =
        "<rss version=\"2.0\" xmlns:c=\"http://purl.org/rss/1.0/modules/content/\""
            + " xmlns:x=\"urn:other\" xmlns:meta=\"http://purl.org/dc/elements/1.1/\"><channel>"
            + "<meta:language>nl</meta:language><item><guid>n1</guid>"
            + "<x:date>2001-01-01</x:date><meta:date>2017-04-12</meta:date>"
            + "<x:encoded>Not the body.</x:encoded><description>Teaser.</description>"
            + "<c:encoded><![CDATA[<p>The body.</p>]]></c:encoded></item></channel></rss>";
    String atom =
        "<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\"><a:entry><a:id>n2</a:id>"
            + "<a:updated>2017-04-12T10:15:00Z</a:updated><a:content type=\"text\">Prefixed &lt;b&gt;"
            + "</a:content></a:entry></a:feed>";

    Article fromRss = article(parse(rss).get(0));
    assertThat(fromRss.body()).isEqualTo("The body.");
    assertThat(fromRss.published()).isEqualTo("2017-04-12");
    assertThat(fromRss.language()).isEqualTo("nl");
    assertThat(article(parse(atom).get(0)).body()).isEqualTo("Prefixed <b>");
  }

  @Test
  void shouldExposeTheRssTtlAndSyndicationHints() throws Exception {
    String rss =
        "<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">"
            + "<channel><title>T</title><ttl> 45 </ttl>"
            + "<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>"
            + "<item><guid>a</guid><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>"
            + "<description>Story.</description></item></channel></rss>";

    ParsedFeed feed = parser.parseFeed(rss.getBytes(StandardCharsets.UTF_8), FEED, null);

    assertThat(feed.items()).hasSize(1);
    assertThat(feed.hints()).isEqualTo(new FeedHints(45, "hourly", 4));
    assertThat(feed.hints().ttl()).contains(java.time.Duration.ofMinutes(45));
    assertThat(feed.hints().updateInterval()).contains(java.time.Duration.ofMinutes(15));
  }

  @Test
  void shouldReadSyndicationHintsOfAnAtomFeedAndIgnoreUnusableOnes() throws Exception {
    String atom =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\""
            + " xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">"
            + "<sy:updatePeriod>weekly</sy:updatePeriod><sy:updateFrequency>x</sy:updateFrequency>"
            + "<entry><id>e</id><updated>2017-04-12T10:15:00Z</updated><summary>S.</summary></entry>"
            + "</feed>";
    String noHints = "<rss version=\"2.0\"><channel><ttl>soon</ttl></channel></rss>";

    ParsedFeed feed = parser.parseFeed(atom.getBytes(StandardCharsets.UTF_8), FEED, null);
    ParsedFeed none = parser.parseFeed(noHints.getBytes(StandardCharsets.UTF_8), FEED, null);

    assertThat(feed.items()).hasSize(1);
    assertThat(feed.hints().updateInterval()).contains(java.time.Duration.ofDays(7));
    assertThat(none.hints()).isEqualTo(FeedHints.NONE);
    assertThat(none.hints().ttl()).isEmpty();
    assertThat(none.hints().updateInterval()).isEmpty();
  }
}
