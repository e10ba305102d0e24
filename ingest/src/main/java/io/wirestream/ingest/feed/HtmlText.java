package io.wirestream.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML of a feed item into plain text: tags dropped, entities decoded, block elements
 * made paragraph breaks ({@code "\n\n"}) and whitespace within a paragraph collapsed to one space.
 *
 * <p>jsoup parses the fragment as a browser would, so every named and numeric character reference
 * of HTML is decoded, a {@code <} that does not start a tag ({@code a < b}) and an unknown entity
 * ({@code AT&T}, {@code &bogus;}) are kept as written, and broken markup is repaired the usual way.
 */
public final class HtmlText {

  private static final char BREAK = '\u0000';

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "br",
          "div",
          "li",
          "ul",
          "ol",
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
          "hr",
          "section",
          "article",
          "header",
          "footer",
          "figure",
          "figcaption",
          "dl",
          "dt",
          "dd");

  /** Elements whose content is never text a reader sees. */
  private static final Set<String> SKIPPED = Set.of("script", "style", "head", "template");

  private HtmlText() {}

  /** Plain text of an HTML fragment: paragraphs separated by {@code "\n\n"}, ends trimmed. */
  public static String toPlainText(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    StringBuilder marked = new StringBuilder(html.length());
    body.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text && !skipped(text)) {
              marked.append(text.getWholeText().replace(BREAK, ' '));
            } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
              marked.append(BREAK);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element element) {
              String name = element.normalName();
              if (BLOCKS.contains(name)) {
                marked.append(BREAK);
              } else if (name.equals("td") || name.equals("th") || name.equals("img")) {
                // "<td>a</td><td>b" should not read as "ab"; whitespace is collapsed later.
                marked.append(' ');
              }
            }
          }
        });
    return paragraphs(marked.toString());
  }

  private static boolean skipped(TextNode text) {
    for (Node n = text.parent(); n != null; n = n.parent()) {
      if (n instanceof Element e && SKIPPED.contains(e.normalName())) {
        return true;
      }
    }
    return false;
  }

  /** Plain text of a text that is not HTML: only whitespace is normalised; blank lines stay. */
  public static String normalisePlain(String text) {
    String lines = text.replace("\r\n", "\n").replace('\r', '\n');
    return paragraphs(lines.replaceAll("\n[ \t]*\n", String.valueOf(BREAK)));
  }

  /** One line of text (a title): like {@link #toPlainText} with paragraphs joined by a space. */
  public static String toLine(String html) {
    return toPlainText(html).replace("\n\n", " ");
  }

  /** Splits at {@link #BREAK}, collapses whitespace in each part and joins non-empty parts. */
  private static String paragraphs(String marked) {
    List<String> kept = new ArrayList<>();
    for (String part : marked.split(String.valueOf(BREAK), -1)) {
      String collapsed = collapse(part);
      if (!collapsed.isEmpty()) {
        kept.add(collapsed);
      }
    }
    return String.join("\n\n", kept);
  }

  private static String collapse(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0' || Character.isSpaceChar(c)) {
        space = out.length() > 0;
      } else if (c == '\u00AD') {
        continue;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
