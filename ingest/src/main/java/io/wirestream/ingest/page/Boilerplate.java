package io.wirestream.ingest.page;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * Removes what is never article text: scripts, forms, navigation, figures and their captions, and
 * elements whose class or id names them as comments, sharing, related stories, newsletter boxes,
 * ads and the like.
 *
 * <p>Class and id names are split into words ({@code article__related-links}, {@code shareTools})
 * and matched as words, not substrings, so that {@code header} does not match {@code ad} nor {@code
 * thread} match {@code read}. The lists are general web vocabulary, not the names of any one site.
 */
final class Boilerplate {

  /** Elements that never hold text a reader sees, dropped with their content. */
  private static final Set<String> NEVER_TEXT =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "svg",
          "canvas",
          "button",
          "input",
          "select",
          "textarea",
          "picture",
          "video",
          "audio",
          "object",
          "embed",
          "map",
          "head",
          "link",
          "meta",
          "img",
          "source");

  /** Elements that hold text around the article, dropped unless they hold the article. */
  private static final Set<String> AROUND_ARTICLE =
      Set.of("form", "nav", "aside", "footer", "figure", "figcaption", "dialog", "menu", "header");

  /** Words of class names and ids that mark what a reader skips. */
  private static final Set<String> NEGATIVE =
      Set.of(
          "comment",
          "comments",
          "disqus",
          "share",
          "sharing",
          "shares",
          "social",
          "socials",
          "sharebar",
          "related",
          "recommended",
          "recommendation",
          "recommendations",
          "newsletter",
          "newsletters",
          "subscribe",
          "subscription",
          "signup",
          "promo",
          "promotion",
          "sponsor",
          "sponsored",
          "advert",
          "advertisement",
          "advertising",
          "ad",
          "ads",
          "adslot",
          "adunit",
          "banner",
          "sidebar",
          "breadcrumb",
          "breadcrumbs",
          "cookie",
          "cookies",
          "consent",
          "popup",
          "modal",
          "paywall",
          "byline",
          "bio",
          "tags",
          "tag",
          "keywords",
          "caption",
          "captions",
          "credit",
          "credits",
          "footer",
          "masthead",
          "menu",
          "nav",
          "navigation",
          "navbar",
          "pagination",
          "pager",
          "rating",
          "widget",
          "mostread",
          "popular",
          "trending",
          "outbrain",
          "taboola",
          "gallery",
          "slideshow",
          "toolbar",
          "skip",
          "toc",
          "author",
          "authors",
          "timestamp",
          "dateline",
          "embed",
          "twitter",
          "facebook",
          "teaser",
          "teasers",
          "readmore",
          "seealso",
          "infobox",
          "tooltip",
          "overlay",
          "login",
          "player",
          "video",
          "podcast",
          "photo",
          "thumbnail",
          "copyright",
          "disclaimer",
          "visually",
          "sr",
          "offscreen",
          "donate",
          "donation",
          "topics",
          "follow",
          "contact",
          "lead",
          "intro",
          "standfirst",
          "summary",
          "deck",
          "dek",
          "subtitle",
          "subheadline",
          "kicker",
          "abstract",
          "excerpt");

  /** Words of boxes that may hold long paragraphs and are still never the article. */
  private static final Set<String> NEVER_ARTICLE =
      Set.of("cookie", "cookies", "consent", "onetrust", "gdpr", "cmp", "didomi", "privacy");

  /** Words that name the article itself; a container so named is kept despite a negative word. */
  private static final Set<String> POSITIVE =
      Set.of(
          "article",
          "articlebody",
          "body",
          "content",
          "entry",
          "main",
          "post",
          "story",
          "text",
          "richtext",
          "prose");

  /**
   * An element marked as boilerplate that holds this share of the page's paragraph text is kept:
   * sites wrap their main column, or each part of an article split by ads, in a {@code <form>} or a
   * "sidebar grid", and losing the article costs far more than keeping a box.
   */
  private static final double KEEP_SHARE = 0.2;

  /**
   * Boxes (a paywall notice, a newsletter pitch) hold a paragraph or two, parts of an article more;
   * an element that holds half of the page's paragraph text is kept whatever its size.
   */
  private static final int MIN_ARTICLE_PART_CHARS = 250;

  private static final Pattern WORD_SPLIT = Pattern.compile("[^a-z0-9]+");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern HIDDEN_STYLE =
      Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  private Boilerplate() {}

  /**
   * Removes boilerplate from {@code root} in place. An element marked as boilerplate that holds
   * half or more of the page's paragraph text is kept all the same: sites wrap their main column in
   * a {@code <form>} or a "sticky sidebar", and losing the article costs far more than keeping a
   * box.
   */
  static void clean(Element root) {
    Map<Element, int[]> paragraphs = paragraphs(root);
    int total = paragraphs.getOrDefault(root, NO_PARAGRAPHS)[0];
    // Pages repeat a few class names over thousands of elements; each is split into words once.
    Map<String, Names> names = new HashMap<>();
    root.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof org.jsoup.nodes.Comment) {
              return FilterResult.REMOVE;
            }
            if (!(node instanceof Element element) || depth == 0) {
              return FilterResult.CONTINUE;
            }
            if (NEVER_TEXT.contains(element.normalName())) {
              return FilterResult.REMOVE;
            }
            Names named = names.computeIfAbsent(namesOf(element), Names::of);
            if (named.neverArticle()) {
              return FilterResult.REMOVE;
            }
            return isBoilerplate(element, named)
                    && !holdsArticle(paragraphs.getOrDefault(element, NO_PARAGRAPHS), total)
                ? FilterResult.REMOVE
                : FilterResult.CONTINUE;
          }
        });
  }

  static boolean isBoilerplate(Element element) {
    return isBoilerplate(element, Names.of(namesOf(element)));
  }

  /** Whether so much paragraph text is a part of the article rather than a box beside it. */
  private static boolean holdsArticle(int[] paragraphs, int total) {
    int chars = paragraphs[0];
    return chars >= KEEP_SHARE * total
        && (chars >= MIN_ARTICLE_PART_CHARS || (paragraphs[1] >= 2 && chars * 2 >= total));
  }

  private static boolean isBoilerplate(Element element, Names named) {
    String tag = element.normalName();
    if (NEVER_TEXT.contains(tag) || AROUND_ARTICLE.contains(tag)) {
      return true;
    }
    if (tag.equals("body") || tag.equals("article") || tag.equals("main")) {
      return false;
    }
    if (element.hasAttr("hidden")
        || "true".equals(element.attr("aria-hidden"))
        || (element.hasAttr("style") && HIDDEN_STYLE.matcher(element.attr("style")).find())) {
      return true;
    }
    String role = element.attr("role");
    if (role.equals("navigation") || role.equals("complementary") || role.equals("banner")) {
      return true;
    }
    return named.negative() && !(named.positive() && holdsParagraphs(element));
  }

  private static String namesOf(Element element) {
    String id = element.id();
    String names = element.className();
    return id.isEmpty() ? names : names + " " + identifier(id);
  }

  /** What the words of an element's class names and id say of it. */
  private record Names(boolean negative, boolean positive, boolean neverArticle) {
    static Names of(String names) {
      boolean negative = false;
      boolean positive = false;
      boolean never = false;
      if (!names.isBlank()) {
        for (String word : words(names)) {
          negative |= NEGATIVE.contains(word);
          positive |= POSITIVE.contains(word);
          never |= NEVER_ARTICLE.contains(word);
        }
      }
      return new Names(negative, positive, never);
    }
  }

  /** An id made from the headline ({@code the-actor-stunned-in-a-photo-shoot}) names nothing. */
  private static String identifier(String id) {
    return words(id).length > 3 ? "" : id;
  }

  static String[] words(String names) {
    return WORD_SPLIT.split(CAMEL.matcher(names).replaceAll("$1 $2").toLowerCase(Locale.ROOT));
  }

  /** Whether a container so named still holds several real paragraphs: then it is the article. */
  private static boolean holdsParagraphs(Element element) {
    int paragraphs = 0;
    for (Element p : element.getElementsByTag("p")) {
      if (p.text().length() > 80 && ++paragraphs >= 3) {
        return true;
      }
    }
    return false;
  }

  /**
   * For every element, the characters of its paragraphs longer than 80 characters: article-like
   * text. One pass over the paragraphs, each adding to its ancestors.
   */
  static Map<Element, Integer> paragraphChars(Element root) {
    Map<Element, Integer> chars = new IdentityHashMap<>();
    paragraphs(root).forEach((e, p) -> chars.put(e, p[0]));
    return chars;
  }

  private static final int[] NO_PARAGRAPHS = {0, 0};

  /** For every element, the characters and number of its paragraphs longer than 80 characters. */
  private static Map<Element, int[]> paragraphs(Element root) {
    Map<Element, int[]> paragraphs = new IdentityHashMap<>();
    for (Element p : root.getElementsByTag("p")) {
      int n = p.text().length();
      if (n > 80) {
        for (Element e = p; e != null; e = e.parent()) {
          int[] sum = paragraphs.computeIfAbsent(e, k -> new int[2]);
          sum[0] += n;
          sum[1]++;
          if (e == root) {
            break;
          }
        }
      }
    }
    return paragraphs;
  }

  static boolean isPositive(Element element) {
    return Names.of(namesOf(element)).positive();
  }
}
