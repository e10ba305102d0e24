package io.wirestream.ingest.page;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the element that holds the article, in the manner of Readability: every paragraph scores
 * for its length and commas, the score flows to its parent and, weakened, to its ancestors, and the
 * best-scoring element, discounted by how much of its text is links, wins.
 */
final class ContentScorer {

  private static final int MIN_PARAGRAPH_CHARS = 25;

  /** Text length, link-text length and commas of every element, computed in one pass. */
  private final Map<Element, int[]> lengths = new IdentityHashMap<>();

  private final Map<Element, Double> scores = new IdentityHashMap<>();

  /** The best container under {@code root}, or {@code root} itself when nothing scores. */
  Element best(Element root) {
    measure(root, false);
    for (Element e : root.getAllElements()) {
      if (!isParagraph(e)) {
        continue;
      }
      int chars = textLength(e);
      if (chars < MIN_PARAGRAPH_CHARS) {
        continue;
      }
      double score = 1 + lengths.get(e)[2] + Math.min(chars / 100.0, 3);
      Element ancestor = e.parent();
      for (int level = 0; ancestor != null && level < 4; level++) {
        double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
        scores.merge(ancestor, score * share, Double::sum);
        ancestor = ancestor.parent();
      }
    }
    Element best = root;
    double bestScore = 0;
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      Element e = entry.getKey();
      double score = (entry.getValue() + tagBonus(e)) * (1 - linkDensity(e));
      entry.setValue(score);
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  }

  double score(Element e) {
    return scores.getOrDefault(e, 0.0);
  }

  int textLength(Element e) {
    int[] l = lengths.get(e);
    return l == null ? 0 : l[0];
  }

  double linkDensity(Element e) {
    int[] l = lengths.get(e);
    return l == null || l[0] == 0 ? 0 : (double) l[1] / l[0];
  }

  private int[] measure(Element e, boolean inLink) {
    boolean link = inLink || e.normalName().equals("a");
    int text = 0;
    int linkText = 0;
    int commas = 0;
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode t) {
        String s = t.getWholeText();
        int n = s.strip().length();
        text += n;
        commas += commas(s);
        if (link) {
          linkText += n;
        }
      } else if (child instanceof Element c) {
        int[] l = measure(c, link);
        text += l[0];
        linkText += l[1];
        commas += l[2];
      }
    }
    int[] result = {text, linkText, commas};
    lengths.put(e, result);
    return result;
  }

  private static boolean isParagraph(Element e) {
    switch (e.normalName()) {
      case "p", "pre", "blockquote":
        return true;
      case "div", "section", "td":
        // A <div> that holds text directly, as some sites write paragraphs.
        for (Node child : e.childNodes()) {
          if (child instanceof TextNode t && t.text().strip().length() >= MIN_PARAGRAPH_CHARS) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  private static double tagBonus(Element e) {
    double bonus =
        switch (e.normalName()) {
          case "article" -> 10;
          case "div", "section", "main" -> 5;
          case "td", "blockquote", "pre" -> 3;
          case "ol", "ul", "dl", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    if (Boilerplate.isPositive(e) || e.attr("itemprop").equals("articleBody")) {
      bonus += 25;
    }
    return bonus;
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '、' || c == '،') {
        n++;
      }
    }
    return n;
  }
}
