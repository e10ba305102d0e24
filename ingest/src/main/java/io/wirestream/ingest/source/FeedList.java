package io.wirestream.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A list of feeds: OPML (every {@code <outline xmlUrl="...">}, nested or not) or plain text, one
 * URL a line ({@code #} starts a comment). Read with DTDs and external entities off, like feeds.
 */
public final class FeedList {

  /** The feeds, in order, each once; and the lines or outlines that were no URL. */
  public record Contents(List<URI> feeds, List<String> problems) {}

  private FeedList() {}

  public static Contents read(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  public static Contents parse(byte[] document, String name) {
    String text = new String(document, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    return text.startsWith("<") ? opml(document, name) : lines(text, name);
  }

  private static Contents lines(String text, String name) {
    Set<URI> feeds = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash == 0 || (hash > 0 && Character.isWhitespace(line.charAt(hash - 1)))) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (!line.isEmpty()) {
        add(line, name + ":" + (i + 1), feeds, problems);
      }
    }
    return new Contents(List.copyOf(feeds), problems);
  }

  private static Contents opml(byte[] document, String name) {
    Set<URI> feeds = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new ByteArrayInputStream(document));
      int outline = 0;
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT
            && reader.getLocalName().equals("outline")) {
          outline++;
          String url = reader.getAttributeValue(null, "xmlUrl");
          if (url != null && !url.isBlank()) {
            add(url.strip(), name + "#outline " + outline, feeds, problems);
          }
        }
      }
    } catch (XMLStreamException e) {
      problems.add(
          name + ": not well-formed OPML: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException e) {
          // read already
        }
      }
    }
    return new Contents(List.copyOf(feeds), problems);
  }

  private static void add(String url, String where, Set<URI> feeds, List<String> problems) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null) {
        problems.add(where + ": not an absolute URL: " + url);
      } else {
        feeds.add(uri);
      }
    } catch (URISyntaxException e) {
      problems.add(where + ": not a URL: " + url);
    }
  }
}
