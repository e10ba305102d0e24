package io.wirestream.lab.timeml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TimeML file read as text: everything up to {@code <TEXT>} (with the DCT), the article as plain
 * text with the TIMEX3 tags of its TEXT element as offsets, and everything after {@code </TEXT>}.
 * Other tags inside TEXT (EVENT, SIGNAL) are dropped.
 */
public record TimemlDocument(
    String name, String head, String text, String tail, LocalDate dct, List<Timex> timexes) {

  private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_:]+)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern DCT =
      Pattern.compile("<DCT>\\s*<TIMEX3[^>]*?value=\"(\\d{4})-?(\\d{2})-?(\\d{2})");

  public TimemlDocument {
    timexes = List.copyOf(timexes);
  }

  public static TimemlDocument read(Path file) {
    try {
      String xml = Files.readString(file, StandardCharsets.UTF_8);
      return parse(file.getFileName().toString(), xml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException if the document has no TEXT element or no DCT date
   */
  public static TimemlDocument parse(String name, String xml) {
    int open = xml.indexOf("<TEXT>");
    int close = xml.lastIndexOf("</TEXT>");
    if (open < 0 || close < open) {
      throw new IllegalArgumentException(name + ": no <TEXT> element");
    }
    Matcher dct = DCT.matcher(xml);
    if (!dct.find()) {
      throw new IllegalArgumentException(name + ": no DCT date");
    }
    LocalDate date =
        LocalDate.of(
            Integer.parseInt(dct.group(1)),
            Integer.parseInt(dct.group(2)),
            Integer.parseInt(dct.group(3)));
    String head = xml.substring(0, open + "<TEXT>".length());
    String tail = xml.substring(close);
    String body = xml.substring(open + "<TEXT>".length(), close);

    StringBuilder plain = new StringBuilder(body.length());
    List<Timex> timexes = new ArrayList<>();
    Map<String, String> openAttrs = null;
    int openStart = -1;
    Matcher tag = TAG.matcher(body);
    int at = 0;
    while (tag.find()) {
      plain.append(unescape(body.substring(at, tag.start())));
      at = tag.end();
      boolean closing = !tag.group(1).isEmpty();
      if (!tag.group(2).equals("TIMEX3")) {
        continue;
      }
      if (!closing) {
        openAttrs = attributes(tag.group(3));
        openStart = plain.length();
        if (!tag.group(4).isEmpty()) {
          openAttrs = null; // an empty TIMEX3 has no extent
        }
      } else if (openAttrs != null) {
        int end = plain.length();
        if (end > openStart) {
          timexes.add(
              new Timex(
                  openAttrs.getOrDefault("tid", ""),
                  openStart,
                  end,
                  plain.substring(openStart, end),
                  openAttrs.getOrDefault("type", ""),
                  openAttrs.getOrDefault("value", "")));
        }
        openAttrs = null;
      }
    }
    plain.append(unescape(body.substring(at)));
    return new TimemlDocument(name, head, plain.toString(), tail, date, timexes);
  }

  /** The same document with other TIMEX3s in TEXT; head (with the DCT) and tail untouched. */
  public TimemlDocument withTimexes(List<Timex> replacement) {
    return new TimemlDocument(name, head, text, tail, dct, replacement);
  }

  /** The document as TimeML: TEXT holds the plain text, escaped, with this document's TIMEX3s. */
  public String toXml() {
    StringBuilder out = new StringBuilder(head.length() + text.length() * 2 + tail.length());
    out.append(head);
    int at = 0;
    List<Timex> sorted = new ArrayList<>(timexes);
    sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
    for (Timex t : sorted) {
      if (t.start() < at) {
        continue; // TIMEX3s do not nest in TempEval-3 output
      }
      out.append(escape(text.substring(at, t.start())));
      out.append("<TIMEX3 tid=\"")
          .append(escape(t.tid()))
          .append("\" type=\"")
          .append(escape(t.type()))
          .append("\" value=\"")
          .append(escape(t.value()))
          .append("\">")
          .append(escape(text.substring(t.start(), t.end())))
          .append("</TIMEX3>");
      at = t.end();
    }
    out.append(escape(text.substring(at)));
    out.append(tail);
    return out.toString();
  }

  private static Map<String, String> attributes(String s) {
    Map<String, String> map = new HashMap<>();
    Matcher m = ATTRIBUTE.matcher(s);
    while (m.find()) {
      map.put(m.group(1), unescape(m.group(2)));
    }
    return map;
  }

  static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
