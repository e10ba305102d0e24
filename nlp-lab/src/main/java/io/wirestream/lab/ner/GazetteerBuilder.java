package io.wirestream.lab.ner;

import io.wirestream.enrich.nlp.ner.CountryCodes;
import io.wirestream.enrich.nlp.ner.Gazetteer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds the shipped {@link Gazetteer} resource from the corpora folder's name lists. Only lists
 * whose licence allows redistribution are used (GeoNames CC BY 4.0, MIT name lists, public-domain
 * SEC names); country names come from the JDK instead of the LGPL iso-codes list.
 */
public final class GazetteerBuilder {

  /** Gazetteer files (relative to the corpora folder) and the list each feeds. */
  static final List<String[]> SOURCES =
      List.of(
          new String[] {"LOC", "gazetteers/geonames_cities15000.txt"},
          new String[] {"LOC", "gazetteers/geonames_admin1.txt"},
          new String[] {"FIRST", "gazetteers/person_first_names.txt"},
          new String[] {"LAST", "gazetteers/person_surnames.txt"},
          new String[] {"ORG", "gazetteers/sec_edgar_companies.txt"});

  private static final Pattern SPLIT = Pattern.compile("\\s+|(?=[,()])|(?<=[,()])");
  private static final Set<String> COMPANY_SUFFIXES =
      Set.of(
          "inc",
          "inc.",
          "corp",
          "corp.",
          "co",
          "co.",
          "ltd",
          "ltd.",
          "llc",
          "plc",
          "lp",
          "l.p.",
          "sa",
          "s.a.",
          "ag",
          "nv",
          "n.v.",
          "holdings",
          "group",
          "corporation",
          "company",
          "incorporated",
          "limited",
          "trust",
          "the",
          "/de/",
          "/md/",
          "/ny/",
          "/nv/",
          "/pa/",
          "/oh/",
          "/mn/",
          "/ca/",
          ",",
          "&",
          "and",
          "-");

  private GazetteerBuilder() {}

  public static void build(Path corpora, Path out) {
    Set<String> lines = new TreeSet<>();
    List<String> header = new ArrayList<>();
    header.add(
        "# Wirestream NER gazetteer: LIST<TAB>space-separated tokens. Built by"
            + " GazetteerBuilder from:");
    for (String[] source : SOURCES) {
      List<String> names = read(corpora.resolve(source[1]), header);
      for (String name : names) {
        String phrase = tokens(name);
        if (source[0].equals("ORG")) {
          String shortName = stripCompanySuffix(phrase);
          if (!shortName.isEmpty() && !shortName.equals(phrase)) {
            lines.add("ORG\t" + shortName);
          }
        }
        if (!phrase.isEmpty()) {
          lines.add(source[0] + "\t" + phrase);
        }
      }
    }
    header.add("# COUNTRY: JDK Locale English country names plus common aliases.");
    for (String country : CountryCodes.names().keySet()) {
      lines.add("COUNTRY\t" + tokens(country));
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String h : header) {
        w.write(h + "\n");
      }
      for (String line : lines) {
        w.write(line + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }

  /** Tokens as the CoNLL corpus splits them, roughly: at spaces, commas and brackets. */
  static String tokens(String name) {
    StringBuilder out = new StringBuilder();
    for (String t : SPLIT.split(name.strip())) {
      if (!t.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ").append(t);
      }
    }
    return out.toString();
  }

  /** "APPLE INC" → "APPLE", "Goldman Sachs Group, Inc." → "Goldman Sachs". */
  static String stripCompanySuffix(String phrase) {
    List<String> tokens = new ArrayList<>(List.of(phrase.split(" ")));
    while (!tokens.isEmpty()
        && COMPANY_SUFFIXES.contains(tokens.get(tokens.size() - 1).toLowerCase(Locale.ROOT))) {
      tokens.remove(tokens.size() - 1);
    }
    return String.join(" ", tokens);
  }

  private static List<String> read(Path file, List<String> header) {
    try {
      List<String> names = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("#")) {
          header.add("# " + file.getFileName() + ": " + line.substring(1).strip());
        } else if (!line.isBlank()) {
          names.add(line);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
