package io.wirestream.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the HTML of a feed item into plain text: tags dropped, entities decoded, block elements
 * made paragraph breaks ({@code "\n\n"}) and whitespace within a paragraph collapsed to one space.
 *
 * <p>Feed bodies are short fragments, not documents, so a small tolerant scanner does; a full HTML
 * parser would be a heavy dependency for no better text. A {@code <} that does not start a tag
 * ({@code a < b}) and an unknown entity ({@code AT&T}) are kept as written.
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

  private static final Map<String, Integer> ENTITIES =
      Map.ofEntries(
          Map.entry("amp", (int) '&'),
          Map.entry("lt", (int) '<'),
          Map.entry("gt", (int) '>'),
          Map.entry("quot", (int) '"'),
          Map.entry("apos", (int) '\''),
          Map.entry("nbsp", 0xA0),
          Map.entry("ndash", 0x2013),
          Map.entry("mdash", 0x2014),
          Map.entry("lsquo", 0x2018),
          Map.entry("rsquo", 0x2019),
          Map.entry("sbquo", 0x201A),
          Map.entry("ldquo", 0x201C),
          Map.entry("rdquo", 0x201D),
          Map.entry("bdquo", 0x201E),
          Map.entry("laquo", 0xAB),
          Map.entry("raquo", 0xBB),
          Map.entry("hellip", 0x2026),
          Map.entry("bull", 0x2022),
          Map.entry("middot", 0xB7),
          Map.entry("copy", 0xA9),
          Map.entry("reg", 0xAE),
          Map.entry("trade", 0x2122),
          Map.entry("deg", 0xB0),
          Map.entry("euro", 0x20AC),
          Map.entry("pound", 0xA3),
          Map.entry("yen", 0xA5),
          Map.entry("cent", 0xA2),
          Map.entry("sect", 0xA7),
          Map.entry("times", 0xD7),
          Map.entry("divide", 0xF7),
          Map.entry("shy", 0xAD),
          Map.entry("eacute", 0xE9),
          Map.entry("egrave", 0xE8),
          Map.entry("ecirc", 0xEA),
          Map.entry("aacute", 0xE1),
          Map.entry("agrave", 0xE0),
          Map.entry("acirc", 0xE2),
          Map.entry("iacute", 0xED),
          Map.entry("oacute", 0xF3),
          Map.entry("uacute", 0xFA),
          Map.entry("ccedil", 0xE7),
          Map.entry("ntilde", 0xF1),
          Map.entry("auml", 0xE4),
          Map.entry("ouml", 0xF6),
          Map.entry("uuml", 0xFC),
          Map.entry("Auml", 0xC4),
          Map.entry("Ouml", 0xD6),
          Map.entry("Uuml", 0xDC),
          Map.entry("Eacute", 0xC9),
          Map.entry("szlig", 0xDF));

  private HtmlText() {}

  /** Plain text of an HTML fragment: paragraphs separated by {@code "\n\n"}, ends trimmed. */
  public static String toPlainText(String html) {
    return paragraphs(decode(stripTags(html)));
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

  /** Removes tags, comments and skipped elements; block tags become {@link #BREAK}. */
  private static String stripTags(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    int n = html.length();
    while (i < n) {
      char c = html.charAt(i);
      if (c != '<' || i + 1 >= n) {
        out.append(c == BREAK ? ' ' : c);
        i++;
        continue;
      }
      char next = html.charAt(i + 1);
      if (html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        i = end < 0 ? n : end + 3;
      } else if (next == '!' || next == '?') {
        int end = html.indexOf('>', i);
        i = end < 0 ? n : end + 1;
      } else if (Character.isLetter(next) || next == '/') {
        int end = tagEnd(html, i);
        if (end < 0) {
          out.append(c);
          i++;
          continue;
        }
        String name = tagName(html, i + (next == '/' ? 2 : 1));
        if (BLOCKS.contains(name)) {
          out.append(BREAK);
        } else if (next != '/' && SKIPPED.contains(name)) {
          int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, end);
          end = close < 0 ? n - 1 : Math.max(tagEnd(html, close), close);
        } else {
          // Inline elements (<b>, <a>, <span>) join words as written, but "<td>a</td><td>b"
          // should not read as "ab": a space is harmless since whitespace is collapsed later.
          if (name.equals("td") || name.equals("th") || name.equals("img")) {
            out.append(' ');
          }
        }
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Index of the {@code >} closing the tag opened at {@code start}, skipping quoted values. */
  private static int tagEnd(String html, int start) {
    char quote = 0;
    for (int i = start + 1; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return -1;
  }

  private static String tagName(String html, int from) {
    int i = from;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != ':') {
        break;
      }
      i++;
    }
    return html.substring(from, i).toLowerCase(Locale.ROOT);
  }

  /** Decodes named (common ones) and numeric character references; others stay as written. */
  static String decode(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, amp);
    int i = amp;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '&') {
        out.append(c);
        i++;
        continue;
      }
      int semi = text.indexOf(';', i + 1);
      int codePoint = semi < 0 || semi - i > 12 ? -1 : reference(text.substring(i + 1, semi));
      if (codePoint < 0) {
        out.append(c);
        i++;
      } else {
        out.appendCodePoint(codePoint);
        i = semi + 1;
      }
    }
    return out.toString();
  }

  private static int reference(String name) {
    if (name.startsWith("#")) {
      try {
        int value =
            name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                ? Integer.parseInt(name.substring(2), 16)
                : Integer.parseInt(name.substring(1));
        boolean valid =
            value > 0 && value <= Character.MAX_CODE_POINT && !(value >= 0xD800 && value <= 0xDFFF);
        return valid ? value : 0xFFFD;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return ENTITIES.getOrDefault(name, -1);
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
