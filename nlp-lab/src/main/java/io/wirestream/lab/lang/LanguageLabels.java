package io.wirestream.lab.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gold language of each page of the web corpus, which the corpus itself does not give: {@code
 * web-languages.tsv} beside this class, one {@code file<TAB>ISO 639-1 code} a line, made by reading
 * every page where the page's declaration, Lingua and the country folder did not all agree.
 */
public final class LanguageLabels {

  private final Map<String, String> byFile;

  private LanguageLabels(Map<String, String> byFile) {
    this.byFile = Map.copyOf(byFile);
  }

  public static LanguageLabels web() {
    try (InputStream in = LanguageLabels.class.getResourceAsStream("web-languages.tsv")) {
      if (in == null) {
        throw new IllegalStateException("web-languages.tsv is not on the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LanguageLabels read(InputStream in) throws IOException {
    Map<String, String> byFile = new LinkedHashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length < 2) {
        throw new IllegalArgumentException("not file<TAB>language: " + line);
      }
      byFile.put(cols[0], cols[1]);
    }
    return new LanguageLabels(byFile);
  }

  /** The gold language of a page file, or null when it has none. */
  public String of(String file) {
    return byFile.get(file);
  }

  public int size() {
    return byFile.size();
  }
}
