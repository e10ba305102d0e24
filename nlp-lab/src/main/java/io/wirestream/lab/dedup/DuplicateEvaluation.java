package io.wirestream.lab.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.common.serde.Json;
import io.wirestream.enrich.dedup.Fingerprints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Measures duplicate detection on a JSON lines corpus (Reuters-21578): exact copies found by body
 * hash, and, for near-identical bodies, candidate pairs across SimHash distances to label by
 * reading ({@code sample}) and the precision and recall of each threshold on the labelled pairs
 * ({@code score}).
 *
 * <pre>
 * DuplicateEvaluation exact  CORPUS
 * DuplicateEvaluation sample CORPUS PER_DISTANCE OUT.tsv
 * DuplicateEvaluation score  CORPUS LABELS.tsv
 * </pre>
 */
public final class DuplicateEvaluation {

  static final int MAX_SAMPLED_DISTANCE = 12;

  /** The topology's bound on the bodies of two articles with one title (DedupCheckProcessor). */
  static final int TITLE_MAX_DISTANCE = 15;

  /** Thresholds scored: beyond the sampled ones, for the title pairs. */
  static final int MAX_SCORED_DISTANCE = 24;

  static final Duration BODY_WINDOW = Duration.ofDays(30);
  static final Duration TITLE_WINDOW = Duration.ofDays(7);

  record Story(String id, String source, long published, String title, String body, Long simhash) {
    String bodyHash() {
      return Fingerprints.bodyHash(body);
    }
  }

  record Pair(Story a, Story b, int distance, double jaccard) {}

  private DuplicateEvaluation() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: DuplicateEvaluation exact|sample|score CORPUS [...]");
      System.exit(2);
    }
    List<Story> stories = read(Path.of(args[1]));
    PrintStream out = System.out;
    switch (args[0]) {
      case "exact" -> exact(stories, out);
      case "sample" ->
          sample(stories, Integer.parseInt(args[2]), Path.of(args[3]), new Random(20261202L));
      case "score" -> score(stories, Path.of(args[2]), out);
      case "titles" ->
          titles(stories, Integer.parseInt(args[2]), Path.of(args[3]), new Random(20261202L));
      default -> {
        System.err.println("unknown mode " + args[0]);
        System.exit(2);
      }
    }
  }

  static List<Story> read(Path corpus) throws IOException {
    List<Story> stories = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode node = Json.MAPPER.readTree(line);
        String body = node.path("body").asText("");
        if (body.isBlank()) {
          continue;
        }
        stories.add(
            new Story(
                node.path("id").asText(),
                node.path("source").asText(),
                OffsetDateTime.parse(node.path("published").asText()).toInstant().toEpochMilli(),
                node.path("title").asText(""),
                body,
                Fingerprints.simhash(body).orElse(null)));
      }
    }
    // The order the topology decides originals by.
    stories.sort(Comparator.comparingLong(Story::published).thenComparing(Story::id));
    return stories;
  }

  /**
   * What the exact rules find: copies of an earlier story's exact text, of its normalised body (and
   * how many within the body window), and pairs of one source and title within the title window
   * whose bodies differ (and how many of those the topology takes, with bodies within {@link
   * #TITLE_MAX_DISTANCE} SimHash bits).
   */
  record Exact(
      int stories, int identical, int normalised, int withinWindow, int titles, int confirmed) {}

  static void exact(List<Story> stories, PrintStream out) {
    Exact e = exactCounts(stories);
    out.printf(
        "stories %d, copies of an identical body %d, of a normalised body %d (%d of them within"
            + " %d days of the first)%n",
        e.stories(), e.identical(), e.normalised(), e.withinWindow(), BODY_WINDOW.toDays());
    out.printf(
        "same source and normalised title within %d days, bodies differing: %d, of them with"
            + " bodies within %d SimHash bits (or too short for one): %d%n",
        TITLE_WINDOW.toDays(), e.titles(), TITLE_MAX_DISTANCE, e.confirmed());
  }

  static Exact exactCounts(List<Story> stories) {
    Map<String, Story> byHash = new HashMap<>();
    Map<String, Story> byText = new HashMap<>();
    int hashCopies = 0;
    int textCopies = 0;
    int outsideWindow = 0;
    for (Story story : stories) {
      Story first = byHash.putIfAbsent(story.bodyHash(), story);
      if (first != null) {
        if (story.published() - first.published() <= BODY_WINDOW.toMillis()) {
          hashCopies++;
        } else {
          outsideWindow++;
        }
      }
      if (byText.putIfAbsent(story.body(), story) != null) {
        textCopies++;
      }
    }
    int titles = 0;
    int confirmed = 0;
    Map<String, Story> byTitle = new HashMap<>();
    for (Story story : stories) {
      String key = story.source() + '|' + Fingerprints.normalizeText(story.title());
      Story first = byTitle.get(key);
      if (first != null
          && story.published() - first.published() <= TITLE_WINDOW.toMillis()
          && !first.bodyHash().equals(story.bodyHash())) {
        titles++;
        if (distance(first, story) <= TITLE_MAX_DISTANCE) {
          confirmed++;
        }
      }
      if (first == null || story.published() - first.published() > TITLE_WINDOW.toMillis()) {
        byTitle.put(key, story);
      }
    }
    return new Exact(
        stories.size(), textCopies, hashCopies + outsideWindow, hashCopies, titles, confirmed);
  }

  /** SimHash distance of two bodies, 0 when either is too short for a SimHash. */
  static int distance(Story a, Story b) {
    return a.simhash() == null || b.simhash() == null
        ? 0
        : Fingerprints.distance(a.simhash(), b.simhash());
  }

  /** Every pair within the body window whose SimHashes differ in at most {@code max} bits. */
  static List<Pair> pairs(List<Story> stories, int max) {
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < stories.size(); i++) {
      Story a = stories.get(i);
      if (a.simhash() == null) {
        continue;
      }
      for (int j = i + 1; j < stories.size(); j++) {
        Story b = stories.get(j);
        if (b.published() - a.published() > BODY_WINDOW.toMillis()) {
          break;
        }
        if (b.simhash() == null) {
          continue;
        }
        int distance = Fingerprints.distance(a.simhash(), b.simhash());
        if (distance <= max && !a.bodyHash().equals(b.bodyHash())) {
          // The Jaccard similarity is for reading a sampled pair; scoring needs only distances.
          pairs.add(new Pair(a, b, distance, Double.NaN));
        }
      }
    }
    return pairs;
  }

  static void sample(List<Story> stories, int perDistance, Path out, Random random)
      throws IOException {
    List<Pair> pairs = pairs(stories, MAX_SAMPLED_DISTANCE);
    Map<Integer, List<Pair>> byDistance = new HashMap<>();
    for (Pair pair : pairs) {
      byDistance.computeIfAbsent(pair.distance(), d -> new ArrayList<>()).add(pair);
    }
    List<String> lines = new ArrayList<>();
    lines.add("# distance\tjaccard\tid_a\tid_b\tin_stratum\ttitle_a\ttitle_b\tonly_a\tonly_b");
    for (int d = 0; d <= MAX_SAMPLED_DISTANCE; d++) {
      List<Pair> stratum = byDistance.getOrDefault(d, List.of());
      List<Pair> shuffled = new ArrayList<>(stratum);
      Collections.shuffle(shuffled, random);
      for (Pair pair : shuffled.subList(0, Math.min(perDistance, shuffled.size()))) {
        lines.add(
            String.join(
                "\t",
                Integer.toString(pair.distance()),
                String.format("%.2f", jaccard(pair.a().body(), pair.b().body())),
                pair.a().id(),
                pair.b().id(),
                Integer.toString(stratum.size()),
                pair.a().title(),
                pair.b().title(),
                difference(pair.a().body(), pair.b().body()),
                difference(pair.b().body(), pair.a().body())));
      }
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.out.printf(
        "%d pairs within distance %d; sample written to %s%n",
        pairs.size(), MAX_SAMPLED_DISTANCE, out);
  }

  /**
   * Pairs of one source with the same normalised title within the title window and bodies that
   * differ: what the title rule takes, and near-duplicates found without the SimHash.
   */
  static void titles(List<Story> stories, int count, Path out, Random random) throws IOException {
    Map<String, List<Story>> byTitle = new HashMap<>();
    List<Pair> pairs = new ArrayList<>();
    for (Story story : stories) {
      String key = story.source() + '|' + Fingerprints.normalizeText(story.title());
      for (Story earlier : byTitle.getOrDefault(key, List.of())) {
        if (story.published() - earlier.published() <= TITLE_WINDOW.toMillis()
            && !earlier.bodyHash().equals(story.bodyHash())) {
          int distance =
              earlier.simhash() == null || story.simhash() == null
                  ? 64
                  : Fingerprints.distance(earlier.simhash(), story.simhash());
          pairs.add(new Pair(earlier, story, distance, jaccard(earlier.body(), story.body())));
          break;
        }
      }
      byTitle.computeIfAbsent(key, k -> new ArrayList<>()).add(0, story);
    }
    Collections.shuffle(pairs, random);
    List<String> lines = new ArrayList<>();
    for (Pair pair : pairs.subList(0, Math.min(count, pairs.size()))) {
      lines.add(
          String.join(
              "\t",
              Integer.toString(pair.distance()),
              String.format("%.2f", pair.jaccard()),
              pair.a().id(),
              pair.b().id(),
              Integer.toString(pairs.size()),
              pair.a().title(),
              pair.b().title(),
              difference(pair.a().body(), pair.b().body()),
              difference(pair.b().body(), pair.a().body())));
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
  }

  /**
   * One threshold on the labelled pairs: how many pairs of the corpus it takes, how many labelled
   * pairs it takes and how many of those are near-duplicates, of {@code positives} in all.
   */
  record Threshold(int maxDistance, long corpusPairs, int taken, int right, int positives) {
    double precision() {
      return taken == 0 ? Double.NaN : right / (double) taken;
    }

    double recall() {
      return right / (double) positives;
    }

    String line() {
      return String.format(
          "| %d | %d | %d | %s | %s |",
          maxDistance,
          corpusPairs,
          taken,
          taken == 0 ? "-" : String.format("%.3f (%d/%d)", precision(), right, taken),
          String.format("%.3f (%d/%d)", recall(), right, positives));
    }
  }

  /** Precision and recall of every SimHash threshold up to {@link #MAX_SCORED_DISTANCE}. */
  static List<Threshold> thresholds(List<Story> stories, List<Label> labelled) {
    Map<String, Story> byId = new HashMap<>();
    stories.forEach(s -> byId.put(s.id(), s));
    List<Pair> pairs = pairs(stories, MAX_SCORED_DISTANCE);
    int positives = (int) labelled.stream().filter(Label::duplicate).count();
    List<Threshold> rows = new ArrayList<>();
    for (int k = 0; k <= MAX_SCORED_DISTANCE; k++) {
      int taken = 0;
      int right = 0;
      for (Label label : labelled) {
        Story a = byId.get(label.idA());
        Story b = byId.get(label.idB());
        if (a == null || b == null) {
          throw new IllegalArgumentException(
              "labelled pair not in the corpus: " + label.idA() + " " + label.idB());
        }
        int distance =
            a.simhash() == null || b.simhash() == null
                ? 64
                : Fingerprints.distance(a.simhash(), b.simhash());
        if (distance <= k) {
          taken++;
          if (label.duplicate()) {
            right++;
          }
        }
      }
      int threshold = k;
      long corpus = pairs.stream().filter(p -> p.distance() <= threshold).count();
      rows.add(new Threshold(k, corpus, taken, right, positives));
    }
    return rows;
  }

  /**
   * The title rule as the topology applies it to pairs of one source and title: bodies within
   * {@link #TITLE_MAX_DISTANCE} SimHash bits, or one too short for a SimHash.
   */
  static Threshold titleRule(List<Story> stories, List<Label> labelled) {
    Map<String, Story> byId = new HashMap<>();
    stories.forEach(s -> byId.put(s.id(), s));
    int taken = 0;
    int right = 0;
    int positives = 0;
    for (Label label : labelled) {
      positives += label.duplicate() ? 1 : 0;
      if (distance(byId.get(label.idA()), byId.get(label.idB())) <= TITLE_MAX_DISTANCE) {
        taken++;
        right += label.duplicate() ? 1 : 0;
      }
    }
    return new Threshold(TITLE_MAX_DISTANCE, -1, taken, right, positives);
  }

  static void score(List<Story> stories, Path labels, PrintStream out) throws IOException {
    List<Label> labelled = Label.read(labels);
    List<Threshold> rows = thresholds(stories, labelled);
    out.printf(
        "labelled pairs %d, near-duplicates among them %d%n",
        labelled.size(), rows.get(0).positives());
    out.println("| max distance | corpus pairs | labelled taken | precision | recall |");
    out.println("|---|---|---|---|---|");
    rows.forEach(row -> out.println(row.line()));
    Threshold title = titleRule(stories, labelled);
    out.printf(
        "as the title rule (within %d bits, or a body too short for a SimHash): taken %d,"
            + " precision %.3f, recall %.3f%n",
        TITLE_MAX_DISTANCE, title.taken(), title.precision(), title.recall());
  }

  /** Jaccard similarity of the two bodies' word 3-shingle sets. */
  static double jaccard(String a, String b) {
    Set<String> x = shingles(a);
    Set<String> y = shingles(b);
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return union.isEmpty() ? 1.0 : x.size() / (double) union.size();
  }

  private static Set<String> shingles(String body) {
    String[] words = Fingerprints.normalizeText(body).split(" ");
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 3 <= words.length; i++) {
      out.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
    }
    return out;
  }

  /** The words of {@code a} that {@code b} lacks, in order, shortened, for reading a pair. */
  static String difference(String a, String b) {
    Set<String> other = new HashSet<>(List.of(Fingerprints.normalizeText(b).split(" ")));
    Set<String> only = new LinkedHashSet<>();
    for (String word : Fingerprints.normalizeText(a).split(" ")) {
      if (!other.contains(word)) {
        only.add(word);
      }
    }
    String joined = String.join(" ", only);
    return joined.length() > 160 ? joined.substring(0, 160) + "..." : joined;
  }

  static Optional<Story> find(List<Story> stories, String id) {
    return stories.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
