package io.wirestream.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.page.ExtractedPage.BodySource;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PageExtractorTest {

  private static final URI URL = URI.create("https://news.example.org/2024/05/03/story?ref=rss");
  private final PageExtractor extractor = new PageExtractor(1 << 20);

  private static final String ARTICLE =
      "<p>The city council voted on Tuesday to close the old harbour bridge to cars, after"
          + " engineers found cracks in two of its supports, the mayor said.</p>"
          + "<p>Buses and bicycles may still cross, and a ferry will run every twenty minutes"
          + " from the north quay until repairs, expected to take a year, are done.</p>"
          + "<p>Shop owners on the south bank, who depend on traffic from the bridge, asked the"
          + " council for help, and the mayor promised a fund for them by June.</p>";

  private static final String BOILERPLATE_PAGE =
      "<html lang=\"en-GB\"><head><title>Bridge closed to cars | Example News</title>"
          + "<link rel=\"canonical\" href=\"/news/bridge-closed\">"
          + "<meta property=\"article:published_time\" content=\"2024-05-03T09:15:00+01:00\">"
          + "<meta name=\"author\" content=\"Ann Smith, Bo Lee\">"
          + "<meta name=\"description\" content=\"Cracks were found in the supports.\">"
          + "</head><body>"
          + "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World news and more</a></nav></header>"
          + "<div class=\"cookie-banner\"><p>We use cookies to improve your experience of this"
          + " site and to show you personalised advertising, which you may refuse.</p></div>"
          + "<main><article><h1>Bridge closed to cars</h1>"
          + "<div class=\"byline\">By Ann Smith and Bo Lee</div>"
          + "<figure><img src=\"a.jpg\"><figcaption>The bridge in 1990, before the"
          + " last repairs were done by the city.</figcaption></figure>"
          + "<div class=\"article-body\">"
          + ARTICLE
          + "<div class=\"ad-slot\">Advertisement</div>"
          + "<div class=\"newsletter-signup\"><p>Get the morning briefing in your inbox every"
          + " day: sign up to our free newsletter now.</p></div>"
          + "</div>"
          + "<ul class=\"related-stories\"><li><a href=\"/a\">Ferry timetable changes for the"
          + " summer season announced</a></li><li><a href=\"/b\">Council budget: what it means"
          + " for you and your family</a></li></ul>"
          + "<section id=\"comments\"><p>Reader42: Finally! This bridge has been unsafe for"
          + " years and nobody did anything about it, shame on them.</p></section>"
          + "</article></main>"
          + "<aside><p>Most read: a long list of other stories that have nothing to do with this"
          + " article at all, for readers who want more.</p></aside>"
          + "<footer><p>Copyright Example News 2024. All rights reserved by the publisher and"
          + " its partners in every country.</p></footer></body></html>";

  @Test
  void shouldKeepTheArticleParagraphsAndDropNavigationCaptionsAdsBoxesAndComments() {
    ExtractedPage page = extractor.extract(BOILERPLATE_PAGE, URL);

    assertThat(page.body().split("\n\n"))
        .containsExactly(
            "The city council voted on Tuesday to close the old harbour bridge to cars, after"
                + " engineers found cracks in two of its supports, the mayor said.",
            "Buses and bicycles may still cross, and a ferry will run every twenty minutes from"
                + " the north quay until repairs, expected to take a year, are done.",
            "Shop owners on the south bank, who depend on traffic from the bridge, asked the"
                + " council for help, and the mayor promised a fund for them by June.");
    assertThat(page.bodySource()).isEqualTo(BodySource.MARKUP);
  }

  @Test
  void shouldReadTitleAuthorsDateSummaryLanguageAndCanonicalUrlFromTheHead() {
    ExtractedPage page = extractor.extract(BOILERPLATE_PAGE, URL);

    assertThat(page.title()).isEqualTo("Bridge closed to cars");
    assertThat(page.authors()).containsExactly("Ann Smith", "Bo Lee");
    assertThat(page.published().orElseThrow().dateTime())
        .contains(OffsetDateTime.parse("2024-05-03T09:15:00+01:00"));
    assertThat(page.published().orElseThrow().source()).isEqualTo("meta article:published_time");
    assertThat(page.summary()).isEqualTo("Cracks were found in the supports.");
    assertThat(page.language()).isEqualTo("en");
    assertThat(page.canonicalUrl())
        .isEqualTo(URI.create("https://news.example.org/news/bridge-closed"));
    assertThat(page.cutReason()).isEmpty();
  }

  @Test
  void shouldPreferJsonLdForAuthorsAndDateAndFindTheArticleInAGraph() {
    String html =
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
            + "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example\"},"
            + "{\"@type\":[\"NewsArticle\"],\"headline\":\"Bridge closed\","
            + "\"datePublished\":\"2024-05-03T08:15:00Z\","
            + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Smith\"},"
            + "{\"@type\":\"Person\",\"name\":\"J&uuml;rg M&uuml;ller\"}]}]}</script>"
            + "<meta property=\"article:published_time\" content=\"2020-01-01T00:00:00Z\">"
            + "</head><body><article><h1>Bridge closed</h1>"
            + ARTICLE
            + "</article></body></html>";

    ExtractedPage page = extractor.extract(html, URL);

    assertThat(page.authors()).containsExactly("Ann Smith", "Jürg Müller");
    assertThat(page.published().orElseThrow().iso()).isEqualTo("2024-05-03T08:15Z");
    assertThat(page.published().orElseThrow().source()).isEqualTo("json-ld datePublished");
    assertThat(page.title()).isEqualTo("Bridge closed");
  }

  @Test
  void shouldTakeTheJsonLdBodyWhenTheMarkupHoldsOnlyAScriptShell() {
    String body =
        "The city council voted on Tuesday to close the old harbour bridge to cars, after"
            + " engineers found cracks in two of its supports.\\nBuses and bicycles may still"
            + " cross, and a ferry will run every twenty minutes from the north quay until the"
            + " repairs, expected to take a year, are done by the city's contractors.";
    String html =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            + "\"headline\":\"Bridge closed\",\"articleBody\":\""
            + body
            + "\"}</script></head><body><div id=\"app\">Loading…</div></body></html>";

    ExtractedPage page = extractor.extract(html, URL);

    assertThat(page.bodySource()).isEqualTo(BodySource.JSON_LD);
    assertThat(page.body().split("\n\n")).hasSize(2);
    assertThat(page.body()).startsWith("The city council voted").endsWith("contractors.");
  }

  @Test
  void shouldKeepOnlyMarkupParagraphsThatTheJsonLdBodyConfirms() {
    String ld =
        "The city council voted on Tuesday to close the old harbour bridge to cars, after"
            + " engineers found cracks in two of its supports, the mayor said. Buses and"
            + " bicycles may still cross, and a ferry will run every twenty minutes from the north"
            + " quay until repairs, expected to take a year, are done. Shop owners on the south"
            + " bank, who depend on traffic from the bridge, asked the council for help, and the"
            + " mayor promised a fund for them by June.";
    String html =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            + "\"articleBody\":\""
            + ld
            + "\"}</script></head><body><div class=\"story\">"
            + ARTICLE
            + "<p>Sponsored: the best mattress deals of the week, picked for you by our partner"
            + " shop, with free delivery on all orders.</p></div></body></html>";

    ExtractedPage page = extractor.extract(html, URL);

    assertThat(page.bodySource()).isEqualTo(BodySource.MARKUP_CONFIRMED);
    assertThat(page.body()).doesNotContain("mattress").contains("promised a fund");
  }

  @Test
  void shouldFindNoArticleOnAPageOfLinks() {
    String html =
        "<html><body><h1>World</h1><ul>"
            + "<li><a href=\"/1\">Bridge closed to cars after cracks found</a></li>"
            + "<li><a href=\"/2\">Ferry timetable changes for the summer season</a></li>"
            + "<li><a href=\"/3\">Council budget: what it means for you</a></li>"
            + "</ul></body></html>";

    ExtractedPage page = extractor.extract(html, URL);

    assertThat(page.body()).isEmpty();
    assertThat(page.bodySource()).isEqualTo(BodySource.NONE);
  }

  @Test
  void shouldKeepThePaywalledTeaserAsTheBody() {
    String html =
        "<html><body><article><h1>Bridge closed</h1><p>The city council voted on Tuesday to"
            + " close the old harbour bridge to cars, after engineers found cracks in it.</p>"
            + "<div class=\"paywall\"><p>Subscribe to read the rest of this article and all our"
            + " journalism, from only one euro a week for the first month.</p></div>"
            + "</article></body></html>";

    ExtractedPage page = extractor.extract(html, URL);

    assertThat(page.body())
        .isEqualTo(
            "The city council voted on Tuesday to close the old harbour bridge to cars, after"
                + " engineers found cracks in it.");
  }

  @Test
  void shouldDateAPageByTimeElementElseByItsUrl() {
    String timed =
        "<html><body><article><time datetime=\"2024-05-02T18:00:00-04:00\">Yesterday</time>"
            + ARTICLE
            + "</article></body></html>";
    String undated = "<html><body><article>" + ARTICLE + "</article></body></html>";

    assertThat(extractor.extract(timed, URL).published().orElseThrow().iso())
        .isEqualTo("2024-05-02T18:00-04:00");
    PublicationDate fromUrl = extractor.extract(undated, URL).published().orElseThrow();
    assertThat(fromUrl.day()).isEqualTo(LocalDate.of(2024, 5, 3));
    assertThat(fromUrl.dateTime()).isEmpty();
    assertThat(fromUrl.source()).isEqualTo("url");
  }

  @Test
  void shouldCutAPageAboveTheSizeCapAndSaySo() {
    StringBuilder html = new StringBuilder("<html><body><article>").append(ARTICLE);
    while (html.length() < 8192) {
      html.append("<p>Filler paragraph that pads the page beyond the cap, with words.</p>");
    }
    PageExtractor small = new PageExtractor(4096);

    ExtractedPage page = small.extract(html.toString().getBytes(StandardCharsets.UTF_8), URL, null);

    assertThat(page.cutReason())
        .hasValueSatisfying(r -> assertThat(r).contains("4096", "ingest.page.max.bytes"));
    assertThat(page.body()).startsWith("The city council voted");
  }

  @Test
  void shouldDecodeByTheDeclaredCharsetUnlessTheBytesAreUtf8() {
    String html =
        "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>Der Gemeinderat"
            + " hat am Dienstag beschlossen, die alte Hafenbrücke für Autos zu schließen.</p>"
            + "</article></body></html>";

    ExtractedPage latin1 =
        extractor.extract(html.getBytes(Charset.forName("ISO-8859-1")), URL, null);
    ExtractedPage utf8 = extractor.extract(html.getBytes(StandardCharsets.UTF_8), URL, null);

    assertThat(latin1.body()).contains("Hafenbrücke für Autos zu schließen");
    assertThat(utf8.body()).contains("Hafenbrücke für Autos zu schließen");
  }

  @Test
  void shouldRefuseACapTooSmallToHoldAPageHead() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PageExtractor(10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
