package io.wirestream.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {

  @TempDir Path dir;

  @Test
  void shouldReadOneUrlALineSkippingCommentsBlanksAndRepeats() {
    FeedList.Contents contents =
        FeedList.parse(
            """
            # wires
            https://a.example/rss

            https://b.example/atom.xml   # the B desk
            https://a.example/rss
            not a url
            """
                .getBytes(StandardCharsets.UTF_8),
            "feeds.txt");
    assertThat(contents.feeds())
        .containsExactly(
            URI.create("https://a.example/rss"), URI.create("https://b.example/atom.xml"));
    assertThat(contents.problems()).containsExactly("feeds.txt:6: not a URL: not a url");
  }

  @Test
  void shouldReadEveryXmlUrlOfAnOpmlFileNestedOrNot() throws Exception {
    Path opml = dir.resolve("subs.opml");
    Files.writeString(
        opml,
        """
        <?xml version="1.0"?>
        <opml version="2.0"><head><title>Subscriptions</title></head><body>
          <outline text="World">
            <outline text="A" type="rss" xmlUrl="https://a.example/rss"/>
            <outline text="B" type="rss" xmlUrl=" https://b.example/feed.json "/>
          </outline>
          <outline text="C" type="rss" xmlUrl="https://c.example/rdf"/>
          <outline text="folder without a feed"/>
        </body></opml>
        """);
    FeedList.Contents contents = FeedList.read(opml);
    assertThat(contents.feeds())
        .containsExactly(
            URI.create("https://a.example/rss"),
            URI.create("https://b.example/feed.json"),
            URI.create("https://c.example/rdf"));
    assertThat(contents.problems()).isEmpty();
  }

  @Test
  void shouldNotExpandEntitiesOfAnOpmlFile() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "https://leaked.example/");
    FeedList.Contents contents =
        FeedList.parse(
            ("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \""
                    + secret.toUri()
                    + "\">]><opml><body><outline xmlUrl=\"&x;\"/></body></opml>")
                .getBytes(StandardCharsets.UTF_8),
            "evil.opml");
    assertThat(contents.feeds()).isEmpty();
    assertThat(contents.problems())
        .singleElement()
        .asString()
        .startsWith("evil.opml: not well-formed OPML");
  }
}
