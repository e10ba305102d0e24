package io.wirestream.ingest.page;

import io.wirestream.ingest.page.ExtractedPage.BodySource;
import io.wirestream.ingest.page.TextBlocks.Block;
import io.wirestream.ingest.page.TextBlocks.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Picks the article's paragraphs from a cleaned page body: the best-scoring container and its
 * article-like siblings, filtered block by block; and, when the page's JSON-LD carries the
 * article's text, the markup's paragraphs that it confirms, or that text itself when the markup
 * holds too little of it (pages rendered by script).
 */
final class BodyExtractor {

  /** The text and where it came from. */
  record Body(String text, BodySource source) {}

  /** A JSON-LD body shorter than this many words is a teaser, not the article. */
  private static final int MIN_JSON_LD_WORDS = 40;

  /** A markup paragraph counts as confirmed when this share of its trigrams is in the JSON-LD. */
  private static final double CONFIRMED = 0.5;

  /** The confirmed paragraphs are the body when they cover this share of the JSON-LD text. */
  private static final double ENOUGH_OF_JSON_LD = 0.6;

  /** Share of the page's paragraph text the article container holds at least. */
  private static final double MAJORITY = 0.6;

  private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?:;\"'”“»«)…。！？」』]\\s*$");

  private BodyExtractor() {}

  static Body extract(Element body, String jsonLdBody, String title) {
    ContentScorer scorer = new ContentScorer();
    Element best = enclosing(scorer.best(body), Boilerplate.paragraphChars(body), body);
    List<Block> scored = new ArrayList<>();
    for (Element part : withSiblings(best, scorer)) {
      scored.addAll(TextBlocks.of(part));
    }
    List<String> markup = keep(scored, title);

    List<String> ldWords = Shingles.words(jsonLdBody);
    if (ldWords.size() >= MIN_JSON_LD_WORDS) {
      Set<String> reference = Shingles.of(ldWords);
      List<String> confirmed = new ArrayList<>();
      Set<String> covered = new HashSet<>();
      for (String text : keep(TextBlocks.of(body), title)) {
        Set<String> shingles = Shingles.of(Shingles.words(text));
        if (Shingles.coverage(shingles, reference) >= CONFIRMED) {
          confirmed.add(text);
          covered.addAll(shingles);
        }
      }
      covered.retainAll(reference);
      if ((double) covered.size() / reference.size() >= ENOUGH_OF_JSON_LD) {
        return new Body(String.join("\n\n", confirmed), BodySource.MARKUP_CONFIRMED);
      }
      Set<String> inMarkup = Shingles.of(Shingles.words(String.join(" ", markup)));
      if (Shingles.coverage(reference, inMarkup) < ENOUGH_OF_JSON_LD) {
        return new Body(paragraphs(jsonLdBody), BodySource.JSON_LD);
      }
    }
    return markup.isEmpty()
        ? new Body("", BodySource.NONE)
        : new Body(String.join("\n\n", markup), BodySource.MARKUP);
  }

  /**
   * The best-scoring element, or the nearest ancestor holding most of the page's paragraph text:
   * scores flow only a few levels up, so an article split into many wrappers (slides, sections
   * between ads) would otherwise lose all but one part.
   */
  private static Element enclosing(
      Element best, Map<Element, Integer> paragraphChars, Element root) {
    int total = paragraphChars.getOrDefault(root, 0);
    Element e = best;
    while (e != root
        && e.parent() != null
        && paragraphChars.getOrDefault(e, 0) < MAJORITY * total) {
      e = e.parent();
    }
    return e;
  }

  /** The container and those of its siblings that look like more of the same article. */
  private static List<Element> withSiblings(Element best, ContentScorer scorer) {
    Element parent = best.parent();
    if (parent == null) {
      return List.of(best);
    }
    double threshold = Math.max(10, scorer.score(best) * 0.2);
    List<Element> parts = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == best) {
        parts.add(sibling);
        continue;
      }
      double linkDensity = scorer.linkDensity(sibling);
      int chars = scorer.textLength(sibling);
      boolean paragraph = sibling.normalName().equals("p");
      if (scorer.score(sibling) >= threshold
          || (paragraph && chars > 80 && linkDensity < 0.25)
          || (paragraph
              && chars > 0
              && linkDensity == 0
              && ENDS_SENTENCE.matcher(sibling.text()).find())) {
        parts.add(sibling);
      }
    }
    return parts;
  }

  /** The blocks a reader would read as the article: no link lists, labels or repeated lines. */
  private static List<String> keep(List<Block> blocks, String title) {
    List<String> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Block block : blocks) {
      String text = block.text();
      if (text.equals(title) || block.linkDensity() > 0.5) {
        continue;
      }
      if (block.kind() == Kind.HEADING) {
        continue;
      }
      if (text.length() < 40 && text.split(" ").length < 4 && !ENDS_SENTENCE.matcher(text).find()) {
        continue;
      }
      if (text.length() > 40 && !seen.add(text)) {
        continue;
      }
      kept.add(text);
    }
    return kept;
  }

  /** Paragraphs of a plain text from JSON-LD: its line breaks, whitespace collapsed. */
  private static String paragraphs(String text) {
    List<String> parts = new ArrayList<>();
    for (String line : text.split("\\s*\\n\\s*")) {
      String collapsed = line.replaceAll("[\\s\\u00A0]+", " ").strip();
      if (!collapsed.isEmpty()) {
        parts.add(collapsed);
      }
    }
    return String.join("\n\n", parts);
  }
}
