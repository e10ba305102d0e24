package io.wirestream.ingest.page;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The article a page describes in its JSON-LD ({@code NewsArticle}, {@code Article}, {@code
 * BlogPosting} and the like), found in arrays, {@code @graph} and {@code mainEntity}.
 */
record JsonLd(
    String headline,
    List<String> authors,
    String datePublished,
    String description,
    String articleBody,
    String language) {

  static final JsonLd NONE = new JsonLd("", List.of(), "", "", "", "");

  /**
   * Publishers write JSON-LD by hand and by template: raw line breaks inside strings, comments and
   * trailing commas are common and harmless, so they are accepted.
   */
  private static final JsonMapper LENIENT =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final int MAX_DEPTH = 8;

  /** The first article object of the page's JSON-LD scripts, or {@link #NONE}. */
  static JsonLd read(Document doc) {
    List<JsonNode> articles = new ArrayList<>();
    for (Element script : doc.getElementsByTag("script")) {
      if (!script.attr("type").equalsIgnoreCase("application/ld+json")) {
        continue;
      }
      String json = script.data().strip();
      if (json.isEmpty()) {
        continue;
      }
      try {
        collect(LENIENT.readTree(json), articles, 0);
      } catch (JacksonException e) {
        // A broken script says nothing; the markup still does.
      }
    }
    if (articles.isEmpty()) {
      return NONE;
    }
    // A page may describe several articles (related stories); the one with a body, else the
    // first, is the page's own.
    JsonNode main =
        articles.stream()
            .filter(a -> !text(a.get("articleBody")).isEmpty())
            .findFirst()
            .orElse(articles.get(0));
    return new JsonLd(
        line(text(main.get("headline"))),
        authors(main.get("author")),
        text(main.get("datePublished")),
        line(text(main.get("description"))),
        Parser.unescapeEntities(text(main.get("articleBody")), false),
        language(main.get("inLanguage")));
  }

  private static void collect(JsonNode node, List<JsonNode> out, int depth) {
    if (node == null || depth > MAX_DEPTH) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        collect(item, out, depth + 1);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (isArticle(node.get("@type"))) {
      out.add(node);
    }
    collect(node.get("@graph"), out, depth + 1);
    collect(node.get("mainEntity"), out, depth + 1);
    collect(node.get("mainEntityOfPage"), out, depth + 1);
  }

  private static boolean isArticle(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticle(t)) {
          return true;
        }
      }
      return false;
    }
    String name = type.asText().toLowerCase(Locale.ROOT);
    return name.endsWith("article") || name.endsWith("posting") || name.equals("report");
  }

  private static List<String> authors(JsonNode author) {
    Set<String> names = new LinkedHashSet<>();
    addAuthors(author, names, 0);
    return List.copyOf(names);
  }

  private static void addAuthors(JsonNode node, Set<String> names, int depth) {
    if (node == null || depth > 3) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        addAuthors(item, names, depth + 1);
      }
    } else if (node.isObject()) {
      addAuthors(node.get("name"), names, depth + 1);
    } else if (node.isTextual()) {
      String name = line(node.asText());
      if (!name.isEmpty() && !name.startsWith("http")) {
        names.add(name);
      }
    }
  }

  private static String language(JsonNode node) {
    if (node == null) {
      return "";
    }
    if (node.isObject()) {
      return language(node.has("alternateName") ? node.get("alternateName") : node.get("name"));
    }
    return text(node);
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node.isArray()) {
      return node.isEmpty() ? "" : text(node.get(0));
    }
    if (node.isObject()) {
      return text(node.has("@value") ? node.get("@value") : node.get("name"));
    }
    return node.asText().strip();
  }

  /** One line of text from a value that may hold entities or tags. */
  static String line(String value) {
    if (value.indexOf('<') >= 0 || value.indexOf('&') >= 0) {
      value = Parser.unescapeEntities(value, false);
      if (value.indexOf('<') >= 0) {
        value = org.jsoup.Jsoup.parseBodyFragment(value).text();
      }
    }
    return value.replaceAll("\\s+", " ").strip();
  }
}
