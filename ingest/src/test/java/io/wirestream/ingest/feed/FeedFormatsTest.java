package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.ingest.format.ParseResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RSS 1.0 (RDF), JSON Feed, relative RSS links and the lenient date forms. */
class FeedFormatsTest {

  private static final URI FEED = URI.create("https://news.example.org/world/feed");

  private final FeedParser parser = new FeedParser(null);

  private List<ParseResult> parse(String document) throws FeedParseException {
    return parser.parseFeed(document.getBytes(StandardCharsets.UTF_8), FEED, null).items();
  }

  private static Article article(ParseResult result) {
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).article();
  }

  @Test
  void shouldReadRss1RdfItemsNamedByTheirAbout() throws Exception {
    List<ParseResult> results =
        parse(
            """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
              <channel rdf:about="https://news.example.org/">
                <title>World</title><sy:updatePeriod>hourly</sy:updatePeriod>
              </channel>
              <item rdf:about="https://news.example.org/a/1">
                <title>Talks resume</title>
                <link>/a/1</link>
                <description>Negotiators met in Geneva.</description>
                <dc:date>2024-01-02T10:00:00Z</dc:date>
              </item>
              <item rdf:about="https://news.example.org/a/2">
                <title>No date</title><description>Body.</description>
              </item>
            </rdf:RDF>
            """);
    assertThat(results).hasSize(2);
    Article first = article(results.get(0));
    assertThat(first.title()).isEqualTo("Talks resume");
    assertThat(first.body()).isEqualTo("Negotiators met in Geneva.");
    assertThat(first.url()).isEqualTo("https://news.example.org/a/1");
    assertThat(first.published()).isEqualTo("2024-01-02T10:00Z");
    assertThat(first.id())
        .isEqualTo(ArticleIds.fromSourceId("news.example.org", "https://news.example.org/a/1"));
    assertThat(results.get(1)).isInstanceOf(ParseResult.Rejected.class);
    assertThat(((ParseResult.Rejected) results.get(1)).reason()).contains("no date");
  }

  @Test
  void shouldTakeSyHintsFromAnRdfChannel() throws Exception {
    ParsedFeed feed =
        parser.parseFeed(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns="http://purl.org/rss/1.0/"
                     xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
              <channel rdf:about="x"><sy:updatePeriod>daily</sy:updatePeriod>
                <sy:updateFrequency>2</sy:updateFrequency></channel>
            </rdf:RDF>
            """
                .getBytes(StandardCharsets.UTF_8),
            FEED,
            null);
    assertThat(feed.hints()).isEqualTo(new FeedHints(null, "daily", 2));
  }

  @Test
  void shouldResolveRelativeRssLinksAgainstTheFeedUrl() throws Exception {
    List<ParseResult> results =
        parse(
            """
            <rss version="2.0"><channel>
              <item><link>../a/7?x=1</link><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>
                <description>Body.</description></item>
            </channel></rss>
            """);
    assertThat(article(results.get(0)).url()).isEqualTo("https://news.example.org/a/7?x=1");
  }

  @Test
  void shouldAcceptSpaceSeparatedAndRfc850Dates() throws Exception {
    List<ParseResult> results =
        parse(
            """
            <rss version="2.0"><channel>
              <item><guid>1</guid><pubDate>2024-01-02 10:00:00</pubDate>
                <description>One.</description></item>
              <item><guid>2</guid><pubDate>Sunday, 06-Nov-94 08:49:37 GMT</pubDate>
                <description>Two.</description></item>
              <item><guid>3</guid><pubDate>2024-01-02 10:00:00 +0100</pubDate>
                <description>Three.</description></item>
            </channel></rss>
            """);
    assertThat(results).allMatch(r -> r instanceof ParseResult.Parsed);
    assertThat(results.stream().map(r -> article(r).published()))
        .containsExactly("2024-01-02T10:00", "1994-11-06T08:49:37Z", "2024-01-02T10:00+01:00");
  }

  @Test
  void shouldReadJsonFeed11Items() throws Exception {
    List<ParseResult> results =
        parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "World",
             "language": "en",
             "items": [
               {"id": "j-1", "url": "/a/j1", "title": "Rates rise",
                "content_html": "<p>The bank <b>raised</b> rates.</p>",
                "date_published": "2024-01-02T10:00:00+00:00"},
               {"id": "j-2", "content_text": "Plain body.", "language": "de",
                "date_modified": "2024-01-03T09:00:00Z"},
               {"id": "j-3", "content_text": "No date."},
               {"id": "j-4", "date_published": "2024-01-03T09:00:00Z"},
               "not an object"
             ]}
            """);
    assertThat(results).hasSize(5);
    Article first = article(results.get(0));
    assertThat(first.body()).isEqualTo("The bank raised rates.");
    assertThat(first.url()).isEqualTo("https://news.example.org/a/j1");
    assertThat(first.title()).isEqualTo("Rates rise");
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.id()).isEqualTo(ArticleIds.fromSourceId("news.example.org", "j-1"));
    Article second = article(results.get(1));
    assertThat(second.language()).isEqualTo("de");
    assertThat(second.published()).isEqualTo("2024-01-03T09:00Z");
    assertThat(results.subList(2, 5)).allMatch(r -> r instanceof ParseResult.Rejected);
    assertThat(results.get(2).location()).isEqualTo(FEED + "#item 3");
  }

  @Test
  void shouldRefuseJsonThatIsNoJsonFeed() {
    assertThatThrownBy(() -> parse("{\"items\": []}"))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("not a JSON Feed");
    assertThatThrownBy(() -> parse("{\"version\": \"https://jsonfeed.org/version/1.1\", "))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("not well-formed JSON");
  }
}
