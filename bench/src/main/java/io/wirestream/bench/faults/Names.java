package io.wirestream.bench.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Capitalised names from the gazetteers (people, companies, places) to make text that is dense in
 * entities. Without the gazetteer folder a short built-in list stands in, so the generator still
 * runs anywhere; the inputs are then deterministic for that list instead.
 */
final class Names {

  private final List<String> first;
  private final List<String> last;
  private final List<String> companies;
  private final List<String> places;

  Names(List<String> first, List<String> last, List<String> companies, List<String> places) {
    this.first = first;
    this.last = last;
    this.companies = companies;
    this.places = places;
  }

  static Names load(Path dir) throws IOException {
    if (dir == null || !Files.isDirectory(dir)) {
      return builtIn();
    }
    return new Names(
        read(dir.resolve("person_first_names.txt")),
        read(dir.resolve("person_surnames.txt")),
        read(dir.resolve("sec_edgar_companies.txt")),
        concat(
            read(dir.resolve("geonames_cities15000.txt")),
            read(dir.resolve("iso3166-1_countries.txt"))));
  }

  static Names builtIn() {
    return new Names(
        List.of("Anna", "John", "Maria", "Ahmed", "Li", "Olga", "Pierre", "Kofi"),
        List.of("Schmidt", "Smith", "Garcia", "Khan", "Wang", "Ivanova", "Dubois", "Mensah"),
        List.of("Acme Corp", "Globex Inc", "Initech", "Umbrella Holdings", "Stark Industries"),
        List.of("London", "Paris", "Lagos", "Tokyo", "Brazil", "Canada", "Cairo", "Lima"));
  }

  String person(Random random) {
    return pick(first, random) + " " + pick(last, random);
  }

  String company(Random random) {
    return pick(companies, random);
  }

  String place(Random random) {
    return pick(places, random);
  }

  private static String pick(List<String> names, Random random) {
    return names.get(random.nextInt(names.size()));
  }

  private static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
