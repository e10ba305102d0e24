package io.wirestream.lab.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Reads token-per-line NER corpora into OpenNLP name samples with the four CoNLL types.
 *
 * <p>Accepts the CoNLL-2003 four-column layout ({@code token POS chunk NER}), two-column {@code
 * token tag} files and Universal NER's {@code idx token tag ...} rows, each in IOB1 or IOB2: an
 * {@code I-X} that does not continue an {@code X} starts a new name, so both schemes decode the
 * same way. {@code -DOCSTART-} lines and {@code # newdoc} comments start a document (the name
 * finder's adaptive data is cleared there). Types are mapped through {@link #normaliseType}; a tag
 * of an unknown type is read as outside any name.
 */
public final class ConllReader {

  private static final Pattern COLUMNS = Pattern.compile("[\t ]+");
  private static final Pattern INDEX = Pattern.compile("\\d+");

  private ConllReader() {}

  public static List<NameSample> read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static List<NameSample> parse(String text) {
    try {
      return read(new BufferedReader(new StringReader(text)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<NameSample> read(BufferedReader in) throws IOException {
    List<NameSample> samples = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    boolean documentStart = true;
    // Universal NER files announce themselves with "# sent_id" comments; a CoNLL row may also
    // start with a number ("90 CD I-NP I-LOC"), so the row shape alone cannot tell.
    boolean universal = false;
    String line;
    while ((line = in.readLine()) != null) {
      String trimmed = line.strip();
      if (trimmed.startsWith("-DOCSTART-") || trimmed.startsWith("# newdoc")) {
        flush(samples, tokens, tags, documentStart);
        documentStart = true;
        continue;
      }
      if (trimmed.startsWith("#") && isComment(trimmed)) {
        universal |= trimmed.startsWith("# sent_id") || trimmed.startsWith("# text");
        continue;
      }
      if (trimmed.isEmpty()) {
        if (flush(samples, tokens, tags, documentStart)) {
          documentStart = false;
        }
        continue;
      }
      String[] cols = COLUMNS.split(trimmed);
      if (universal && cols.length >= 3 && INDEX.matcher(cols[0]).matches()) {
        tokens.add(cols[1]);
        tags.add(cols[2]);
      } else if (cols.length >= 2) {
        tokens.add(cols[0]);
        tags.add(cols[cols.length - 1]);
      } else {
        throw new IllegalArgumentException("no tag column in line '" + line + "'");
      }
    }
    flush(samples, tokens, tags, documentStart);
    return samples;
  }

  /** Splits samples into documents at samples that clear adaptive data. */
  static List<List<NameSample>> documents(List<NameSample> samples) {
    List<List<NameSample>> documents = new ArrayList<>();
    List<NameSample> current = new ArrayList<>();
    for (NameSample sample : samples) {
      if (sample.isClearAdaptiveDataSet() && !current.isEmpty()) {
        documents.add(current);
        current = new ArrayList<>();
      }
      current.add(sample);
    }
    if (!current.isEmpty()) {
      documents.add(current);
    }
    return documents;
  }

  /** UNER comments are "# key = value"; a bare "#" token row has columns after it. */
  private static boolean isComment(String line) {
    return line.startsWith("# ") && line.contains("=");
  }

  private static boolean flush(
      List<NameSample> samples, List<String> tokens, List<String> tags, boolean documentStart) {
    if (tokens.isEmpty()) {
      return false;
    }
    samples.add(
        new NameSample(
            tokens.toArray(String[]::new), decode(tags).toArray(Span[]::new), documentStart));
    tokens.clear();
    tags.clear();
    return true;
  }

  /** Token spans of the names in an IOB1 or IOB2 tag sequence. */
  public static List<Span> decode(List<String> tags) {
    List<Span> spans = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i <= tags.size(); i++) {
      String tag = i < tags.size() ? tags.get(i) : "O";
      String prefix = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(0, 1) : "O";
      String tagType = prefix.equals("O") ? null : normaliseType(tag.substring(2));
      boolean continues =
          type != null && tagType != null && prefix.equals("I") && tagType.equals(type);
      if (!continues) {
        if (type != null) {
          spans.add(new Span(start, i, type));
        }
        type = tagType;
        start = i;
      }
    }
    return spans;
  }

  /**
   * The CoNLL type (PER, ORG, LOC, MISC) of a corpus tag type, or null for types outside them
   * (UNER's stray {@code B-O}, WNUT's fine types).
   */
  public static String normaliseType(String type) {
    return switch (type.toUpperCase(Locale.ROOT)) {
      case "PER", "PERSON" -> "PER";
      case "ORG", "ORGANIZATION", "ORGANISATION" -> "ORG";
      case "LOC", "LOCATION", "GPE" -> "LOC";
      case "MISC", "OTH" -> "MISC";
      default -> null;
    };
  }
}
