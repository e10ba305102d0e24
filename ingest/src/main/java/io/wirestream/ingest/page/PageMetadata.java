package io.wirestream.ingest.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself in its head and markup: title, authors, dates, description,
 * language and canonical URL, read before the page is cleaned. JSON-LD comes first where it speaks,
 * then Open Graph and other {@code <meta>}, then the markup itself.
 */
record PageMetadata(
    JsonLd jsonLd,
    String title,
    List<String> authors,
    Optional<PublicationDate> published,
    String description,
    String language,
    URI canonicalUrl) {

  /** {@code <meta>} names and properties of publication dates, most specific first. */
  private static final List<String> DATE_METAS =
      List.of(
          "article:published_time",
          "og:article:published_time",
          "datepublished",
          "og:published_time",
          "published_time",
          "article.published",
          "publish-date",
          "publishdate",
          "pubdate",
          "parsely-pub-date",
          "sailthru.date",
          "dc.date.issued",
          "dcterms.issued",
          "dc.date",
          "dcterms.created",
          "date",
          "article:modified_time");

  private static final List<String> AUTHOR_METAS =
      List.of("author", "article:author", "parsely-author", "sailthru.author", "dc.creator");

  /** " | Site", " - Site", " – Site", " :: Site": what sites append to the document title. */
  private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|–—\\-:·•»]{1,2}\\s+[^|–—]*$");

  static PageMetadata read(Document doc, URI url) {
    JsonLd ld = JsonLd.read(doc);
    Map<String, String> metas = metas(doc);
    return new PageMetadata(
        ld,
        title(doc, metas, ld),
        authors(doc, metas, ld),
        published(doc, metas, ld, url),
        firstNonEmpty(ld.description(), meta(metas, "og:description"), meta(metas, "description")),
        language(doc, metas, ld),
        canonical(doc, metas, url));
  }

  private static String title(Document doc, Map<String, String> metas, JsonLd ld) {
    Element h1 = headline(doc);
    String heading = h1 == null ? "" : JsonLd.line(h1.text());
    String og = meta(metas, "og:title");
    // The page's visible headline is the title; metadata often carries an SEO variant, so it is
    // used only when there is no <h1> or the <h1> is plainly something else (a site name).
    if (!heading.isEmpty() && (agrees(heading, ld.headline()) || agrees(heading, og))) {
      return heading;
    }
    String fromMeta = firstNonEmpty(ld.headline(), og);
    if (!fromMeta.isEmpty()) {
      return fromMeta;
    }
    if (!heading.isEmpty()) {
      return heading;
    }
    return TITLE_SUFFIX.matcher(JsonLd.line(doc.title())).replaceFirst("");
  }

  /** The first {@code <h1>} inside an article or main element, else the first of the page. */
  private static Element headline(Document doc) {
    Element first = null;
    for (Element h1 : doc.getElementsByTag("h1")) {
      if (first == null) {
        first = h1;
      }
      for (Element e = h1.parent(); e != null; e = e.parent()) {
        if (e.normalName().equals("article") || e.normalName().equals("main")) {
          return h1;
        }
      }
    }
    return first;
  }

  /** Two titles of one story share most of their words. */
  private static boolean agrees(String a, String b) {
    if (b.isEmpty()) {
      return false;
    }
    Set<String> wa = new LinkedHashSet<>(Shingles.words(a));
    List<String> wb = Shingles.words(b);
    if (wa.isEmpty() || wb.isEmpty()) {
      return false;
    }
    int shared = 0;
    for (String w : wb) {
      if (wa.contains(w)) {
        shared++;
      }
    }
    return shared >= 0.5 * Math.min(wa.size(), wb.size());
  }

  private static List<String> authors(Document doc, Map<String, String> metas, JsonLd ld) {
    if (!ld.authors().isEmpty()) {
      return ld.authors();
    }
    for (String name : AUTHOR_METAS) {
      String value = meta(metas, name);
      if (!value.isEmpty() && !value.startsWith("http")) {
        return splitNames(value);
      }
    }
    Set<String> names = new LinkedHashSet<>();
    for (Element e : doc.select("[itemprop=author] [itemprop=name], [rel=author]")) {
      String name = JsonLd.line(e.text());
      if (!name.isEmpty() && name.length() < 80) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private static List<String> splitNames(String value) {
    List<String> names = new ArrayList<>();
    for (String part : value.split("\\s*(?:,|;|\\||\\s&\\s|\\sand\\s|\\sund\\s)\\s*")) {
      String name = JsonLd.line(part);
      if (!name.isEmpty() && !names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static Optional<PublicationDate> published(
      Document doc, Map<String, String> metas, JsonLd ld, URI url) {
    Optional<PublicationDate> date = PageDates.parse(ld.datePublished(), "json-ld datePublished");
    if (date.isPresent()) {
      return date;
    }
    for (String name : DATE_METAS) {
      date = PageDates.parse(meta(metas, name), "meta " + name);
      if (date.isPresent()) {
        return date;
      }
    }
    for (Element time : doc.select("[itemprop=datePublished], time[pubdate], time[datetime]")) {
      String value = time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content");
      date = PageDates.parse(value, "time datetime");
      if (date.isPresent()) {
        return date;
      }
    }
    return PageDates.fromUrl(url == null ? null : url.getPath());
  }

  private static String language(Document doc, Map<String, String> metas, JsonLd ld) {
    for (String value :
        List.of(
            doc.children().isEmpty() ? "" : doc.child(0).attr("lang"),
            meta(metas, "og:locale"),
            meta(metas, "content-language"),
            ld.language())) {
      String code = DeclaredLanguage.code(value);
      if (!code.isEmpty()) {
        return code;
      }
    }
    return "";
  }

  private static URI canonical(Document doc, Map<String, String> metas, URI url) {
    for (String value : List.of(canonicalLink(doc), meta(metas, "og:url"))) {
      if (value.isBlank()) {
        continue;
      }
      try {
        URI uri = url == null ? new URI(value.strip()) : url.resolve(value.strip());
        if (uri.isAbsolute() && uri.getScheme().startsWith("http")) {
          return uri;
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // A malformed canonical URL names nothing; try the next.
      }
    }
    return url;
  }

  private static String canonicalLink(Document doc) {
    for (Element link : doc.getElementsByTag("link")) {
      if (link.attr("rel").equalsIgnoreCase("canonical") && link.hasAttr("href")) {
        return link.attr("abs:href");
      }
    }
    return "";
  }

  /** The first non-empty content of each {@code <meta>} name, property or itemprop, lowercased. */
  private static Map<String, String> metas(Document doc) {
    Map<String, String> metas = new HashMap<>();
    for (Element meta : doc.getElementsByTag("meta")) {
      String content = meta.attr("content").strip();
      if (content.isEmpty()) {
        continue;
      }
      for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String name = meta.attr(key);
        if (!name.isEmpty()) {
          metas.putIfAbsent(name.toLowerCase(Locale.ROOT), content);
        }
      }
    }
    return metas;
  }

  private static String meta(Map<String, String> metas, String name) {
    String content = metas.get(name);
    return content == null ? "" : JsonLd.line(content);
  }

  private static String firstNonEmpty(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }
}
