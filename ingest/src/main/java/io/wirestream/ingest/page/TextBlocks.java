package io.wirestream.ingest.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Splits an element's text into the paragraphs a reader sees: every block element and {@code <br>}
 * ends one, inline elements join words as written, whitespace is collapsed.
 */
final class TextBlocks {

  /** The kind of element a block of text sits in, which decides how it is judged. */
  enum Kind {
    PARAGRAPH,
    HEADING,
    LIST_ITEM,
    QUOTE,
    OTHER
  }

  /**
   * One paragraph of text.
   *
   * @param linkChars how many of its characters are link text
   */
  record Block(String text, int linkChars, Kind kind, Element element) {
    double linkDensity() {
      return text.isEmpty() ? 0 : (double) linkChars / text.length();
    }
  }

  static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "table",
          "tr",
          "td",
          "th",
          "hr",
          "header",
          "footer",
          "figure",
          "figcaption",
          "center",
          "details",
          "summary",
          "address",
          "body");

  private TextBlocks() {}

  static List<Block> of(Element root) {
    List<Block> blocks = new ArrayList<>();
    NodeTraversor.traverse(new Collector(blocks), root);
    return blocks;
  }

  private static final class Collector implements NodeVisitor {
    private final List<Block> blocks;
    private final StringBuilder text = new StringBuilder();
    private final List<Element> open = new ArrayList<>();
    private int linkDepth;
    private int linkChars;
    private boolean space;

    Collector(List<Block> blocks) {
      this.blocks = blocks;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        append(textNode.getWholeText());
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (tag.equals("br")) {
          flush();
        } else if (BLOCK_TAGS.contains(tag)) {
          flush();
          open.add(element);
        } else if (tag.equals("a")) {
          linkDepth++;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (BLOCK_TAGS.contains(tag)) {
          flush();
          if (!open.isEmpty()) {
            open.remove(open.size() - 1);
          }
        } else if (tag.equals("a")) {
          linkDepth--;
        } else if (tag.equals("td") || tag.equals("th")) {
          space = true;
        }
      }
    }

    private void append(String raw) {
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
          space = text.length() > 0;
        } else if (c == '\u00AD' || c == '\u200B' || c == '\uFEFF') {
          continue;
        } else {
          if (space) {
            text.append(' ');
            countLink(1);
            space = false;
          }
          text.append(c);
          countLink(1);
        }
      }
    }

    private void countLink(int n) {
      if (linkDepth > 0) {
        linkChars += n;
      }
    }

    private void flush() {
      if (text.length() > 0) {
        Element element = open.isEmpty() ? null : open.get(open.size() - 1);
        blocks.add(new Block(text.toString(), linkChars, kind(), element));
      }
      text.setLength(0);
      linkChars = 0;
      space = false;
    }

    private Kind kind() {
      for (int i = open.size() - 1; i >= 0; i--) {
        switch (open.get(i).normalName()) {
          case "p":
            return Kind.PARAGRAPH;
          case "h1", "h2", "h3", "h4", "h5", "h6":
            return Kind.HEADING;
          case "li", "dd", "dt":
            return Kind.LIST_ITEM;
          case "blockquote":
            return Kind.QUOTE;
          default:
            // A <div> or <span> block inside a list item or quote is still part of it.
        }
      }
      return Kind.OTHER;
    }
  }
}
