package io.wirestream.ingest.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.ExtractedPage;
import io.wirestream.ingest.page.PageExtractor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitemapArticlesTest {

  private static final URI SITEMAP = URI.create("https://paper.example/news-sitemap.xml");
  private static final URI PAGE = URI.create("https://paper.example/news/bridge?ref=home");

  private static final String NEWS_SITEMAP =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
              xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>https://paper.example/news/bridge?ref=home</loc>
          <lastmod>2024-03-09</lastmod>
          <news:news><news:publication><news:name>Paper</news:name>
            <news:language>en</news:language></news:publication>
            <news:publication_date>2024-03-05T09:30:00+01:00</news:publication_date>
            <news:title>Bridge over the river approved</news:title></news:news></url>
        <url><loc>https://paper.example/plain</loc><lastmod>2024-03-08T12:00:00Z</lastmod></url>
      </urlset>
      """;

  private static final String INDEX =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>https://paper.example/news-sitemap.xml</loc></sitemap>
        <sitemap><loc>https://paper.example/2024.xml</loc></sitemap>
      </sitemapindex>
      """;

  private static ExtractedPage page(String html, URI url) {
    return new PageExtractor(1 << 20).extract(html.getBytes(StandardCharsets.UTF_8), url, null);
  }

  private static String article(String headOrEmpty, String title) {
    return """
        <html lang="de"><head><title>%s</title>%s</head><body><article>
          <p>Der Stadtrat hat am Dienstag den Bau der neuen Brücke über den Fluss beschlossen.</p>
          <p>Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern.</p>
        </article></body></html>
        """
        .formatted(title, headOrEmpty);
  }

  private static List<SitemapEntry> entries() throws SitemapException {
    return SitemapReader.read(
            NEWS_SITEMAP.getBytes(StandardCharsets.UTF_8), "application/xml", SITEMAP)
        .entries();
  }

  @Test
  void shouldReadTheNewsTitleDateAndLanguageOfAGoogleNewsSitemap() throws Exception {
    assertThat(entries())
        .containsExactly(
            new SitemapEntry(
                SITEMAP,
                PAGE,
                "Bridge over the river approved",
                "2024-03-05T09:30+01:00",
                "en",
                "2024-03-09T00:00:00Z"),
            new SitemapEntry(
                SITEMAP,
                URI.create("https://paper.example/plain"),
                null,
                null,
                null,
                "2024-03-08T12:00:00Z"));
  }

  @Test
  void shouldListTheSitemapsOfAnIndex() throws Exception {
    SitemapReader.Contents contents =
        SitemapReader.read(
            INDEX.getBytes(StandardCharsets.UTF_8),
            "application/xml",
            URI.create("https://paper.example/sitemap_index.xml"));
    assertThat(contents.entries()).isEmpty();
    assertThat(contents.sitemaps())
        .containsExactly(
            URI.create("https://paper.example/news-sitemap.xml"),
            URI.create("https://paper.example/2024.xml"));
  }

  @Test
  void shouldRefuseADocumentThatIsNoSitemap() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SitemapReader.read(
                    "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8),
                    "text/html",
                    SITEMAP))
        .isInstanceOf(SitemapException.class)
        .hasMessageStartingWith("not a sitemap");
  }

  @Test
  void shouldPreferTheNewsTitleAndDateAndIdentifyTheArticleByItsCanonicalUrl() throws Exception {
    String head =
        "<link rel=\"canonical\" href=\"https://paper.example/news/bridge\">"
            + "<meta property=\"article:published_time\" content=\"2024-03-04T08:00:00Z\">";
    ExtractedPage page = page(article(head, "Brücke beschlossen"), PAGE);

    ParseResult result = SitemapArticles.toArticle(entries().get(0), page, "paper");

    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    Article article = ((ParseResult.Parsed) result).article();
    assertThat(article.title()).isEqualTo("Bridge over the river approved");
    assertThat(article.published()).isEqualTo("2024-03-05T09:30+01:00");
    assertThat(article.url()).isEqualTo("https://paper.example/news/bridge");
    assertThat(article.id())
        .isEqualTo(ArticleIds.fromSourceId("paper", "https://paper.example/news/bridge"));
    assertThat(article.body())
        .startsWith("Der Stadtrat hat am Dienstag")
        .contains("\n\nDie Arbeiten sollen");
    // The page's own language wins over the sitemap's news:language.
    assertThat(article.language()).isEqualTo("de");
    assertThat(((ParseResult.Parsed) result).location()).isEqualTo(SITEMAP + "#item " + PAGE);
  }

  @Test
  void shouldFallBackToThePageTitleAndDateThenToLastmod() throws Exception {
    SitemapEntry plain = entries().get(1);
    URI url = plain.page();
    ExtractedPage dated =
        page(
            article(
                "<meta property=\"article:published_time\" content=\"2024-03-04T08:00:00Z\">",
                "Brücke beschlossen"),
            url);
    ExtractedPage undated = page(article("", "Brücke beschlossen"), url);

    Article fromPage =
        ((ParseResult.Parsed) SitemapArticles.toArticle(plain, dated, "p")).article();
    Article fromLastmod =
        ((ParseResult.Parsed) SitemapArticles.toArticle(plain, undated, "p")).article();

    assertThat(fromPage.title()).isEqualTo("Brücke beschlossen");
    assertThat(fromPage.published()).isEqualTo("2024-03-04T08:00Z");
    assertThat(fromLastmod.published()).isEqualTo("2024-03-08T12:00:00Z");
    assertThat(fromLastmod.url()).isEqualTo("https://paper.example/plain");
  }

  @Test
  void shouldRejectAPageWithoutArticleTextNamingThePage() throws Exception {
    ExtractedPage empty = page("<html><body><nav><a href=\"/\">Home</a></nav></body></html>", PAGE);

    ParseResult result = SitemapArticles.toArticle(entries().get(0), empty, "paper");

    assertThat(result)
        .isEqualTo(
            new ParseResult.Rejected(
                SITEMAP + "#item " + PAGE, "page " + PAGE + " yields no article text"));
  }

  @Test
  void shouldNameTheSourceAfterTheSitemapsHostUnlessOneIsConfigured() {
    assertThat(SitemapArticles.sourceFor(null, SITEMAP)).isEqualTo("paper.example");
    assertThat(SitemapArticles.sourceFor("desk", SITEMAP)).isEqualTo("desk");
  }
}
