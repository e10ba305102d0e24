package io.wirestream.lab.lang;

import com.github.pemistahl.lingua.api.Language;
import io.wirestream.enrich.nlp.lang.Detection;
import io.wirestream.enrich.nlp.lang.LanguageDetector;
import io.wirestream.enrich.nlp.lang.LinguaLanguageDetector;
import io.wirestream.enrich.nlp.lang.LinguaLanguages;
import io.wirestream.lab.lang.LanguagePage.Text;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measures language detectors on the web corpus: accuracy against the gold languages ({@link
 * LanguageLabels}) and English-or-not routing on the gold bodies, the extracted bodies and short
 * texts; time per page (one thread, after a warm-up pass); and the heap the detector holds once
 * every model it needs is loaded. Run with {@code java ...
 * io.wirestream.lab.lang.LanguageEvaluation ../shared/corpora}; the figures are in
 * docs/benchmarks.md.
 */
public final class LanguageEvaluation {

  /** A detector to measure, built when measured so that its heap can be counted. */
  public record Candidate(String name, Supplier<LanguageDetector> build) {}

  /** One candidate's figures; {@code heapBytes} is negative when not measured. */
  public record Row(
      String name,
      long heapBytes,
      long buildNanos,
      Map<Text, LanguageScore> scores,
      List<String> errors) {

    public String line() {
      StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-34s", name));
      for (Text text : Text.values()) {
        LanguageScore s = scores.get(text);
        out.append(
            String.format(
                Locale.ROOT,
                " | %5.1f%% %5.1f%% %6.2f",
                100 * s.accuracy(),
                100 * s.routingAccuracy(),
                s.msPerPage()));
      }
      out.append(
          String.format(
              Locale.ROOT,
              " | %4s MB %5.1f s",
              heapBytes < 0 ? "-" : Long.toString(heapBytes >> 20),
              buildNanos / 1e9));
      return out.append('\n').toString();
    }
  }

  private LanguageEvaluation() {}

  public static String header() {
    return "candidate                          | gold body: lang route ms | extracted body          "
        + " | title + lead            | heap    load\n";
  }

  /** The Lingua configurations compared; the first is what enrich runs. */
  public static List<Candidate> candidates() {
    List<Language> all =
        Arrays.stream(Language.values()).filter(l -> l != Language.UNKNOWN).toList();
    return List.of(
        new Candidate(
            "lingua news set, high, 1000 chars",
            () -> new LinguaLanguageDetector(LinguaLanguages.NEWS, false, 1000)),
        new Candidate(
            "lingua news set, low, 1000 chars",
            () -> new LinguaLanguageDetector(LinguaLanguages.NEWS, true, 1000)),
        new Candidate(
            "lingua news set, low, 300 chars",
            () -> new LinguaLanguageDetector(LinguaLanguages.NEWS, true, 300)),
        new Candidate(
            "lingua all, high, 1000 chars", () -> new LinguaLanguageDetector(all, false, 1000)),
        new Candidate(
            "lingua all, low, 1000 chars", () -> new LinguaLanguageDetector(all, true, 1000)),
        new Candidate(
            "lingua all, low, 300 chars", () -> new LinguaLanguageDetector(all, true, 300)),
        new Candidate(
            "lingua all, high, whole text",
            () -> new LinguaLanguageDetector(all, false, Integer.MAX_VALUE)),
        new Candidate(
            "lingua all, low, whole text",
            () -> new LinguaLanguageDetector(all, true, Integer.MAX_VALUE)));
  }

  /** Builds the candidate, loads what it needs by a warm-up pass, then times one pass per text. */
  public static Row score(Candidate candidate, List<LanguagePage> pages) {
    long before = usedHeap();
    long started = System.nanoTime();
    LanguageDetector detector = candidate.build().get();
    for (LanguagePage page : pages) {
      detector.detect(page.goldBody());
    }
    long buildNanos = System.nanoTime() - started;
    long heap = usedHeap() - before;
    Map<Text, LanguageScore> scores = new EnumMap<>(Text.class);
    List<String> errors = new ArrayList<>();
    for (Text text : Text.values()) {
      for (LanguagePage page : pages) {
        detector.detect(text.of(page));
      }
      List<Detection> found = new ArrayList<>(pages.size());
      long t0 = System.nanoTime();
      for (LanguagePage page : pages) {
        found.add(detector.detect(text.of(page)));
      }
      long nanos = System.nanoTime() - t0;
      scores.put(text, tally(pages, found, nanos, text, errors));
    }
    // Keeps the detector reachable until its heap was counted.
    if (detector.model().isEmpty()) {
      throw new IllegalStateException();
    }
    return new Row(candidate.name(), heap, buildNanos, scores, errors);
  }

  /**
   * OpenNLP's detector trained on the gold bodies of all pages but one fold and scored on that
   * fold's texts, for each of {@code folds} folds (pages dealt round-robin).
   */
  public static Row crossValidateOpenNlp(List<LanguagePage> pages, int folds) {
    Map<Text, List<Detection>> found = new EnumMap<>(Text.class);
    Map<Text, Long> nanos = new EnumMap<>(Text.class);
    for (Text text : Text.values()) {
      found.put(text, new ArrayList<>(java.util.Collections.nCopies(pages.size(), null)));
      nanos.put(text, 0L);
    }
    long started = System.nanoTime();
    for (int fold = 0; fold < folds; fold++) {
      List<Map.Entry<String, String>> training = new ArrayList<>();
      for (int i = 0; i < pages.size(); i++) {
        if (i % folds != fold) {
          training.add(new AbstractMap.SimpleEntry<>(pages.get(i).gold(), pages.get(i).goldBody()));
        }
      }
      LanguageDetector detector = OpenNlpLanguageDetector.train(training);
      for (Text text : Text.values()) {
        long t0 = System.nanoTime();
        for (int i = fold; i < pages.size(); i += folds) {
          found.get(text).set(i, detector.detect(text.of(pages.get(i))));
        }
        nanos.merge(text, System.nanoTime() - t0, Long::sum);
      }
    }
    long buildNanos = (System.nanoTime() - started) / folds;
    Map<Text, LanguageScore> scores = new EnumMap<>(Text.class);
    List<String> errors = new ArrayList<>();
    for (Text text : Text.values()) {
      scores.put(text, tally(pages, found.get(text), nanos.get(text), text, errors));
    }
    return new Row("opennlp trained, " + folds + "-fold", -1, buildNanos, scores, errors);
  }

  private static LanguageScore tally(
      List<LanguagePage> pages, List<Detection> found, long nanos, Text text, List<String> errors) {
    int correct = 0;
    int misrouted = 0;
    int unknown = 0;
    for (int i = 0; i < pages.size(); i++) {
      String gold = pages.get(i).gold();
      String detected = found.get(i).language();
      if (detected == null) {
        unknown++;
      }
      if (LanguageScore.right(gold, detected)) {
        correct++;
      } else {
        errors.add(
            String.format(
                Locale.ROOT,
                "%s %s: gold %s, found %s (%.2f)",
                text,
                pages.get(i).file(),
                gold,
                detected,
                found.get(i).confidence()));
      }
      if (LanguageScore.misrouted(gold, detected)) {
        misrouted++;
      }
    }
    return new LanguageScore(pages.size(), correct, misrouted, unknown, nanos);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * Prints the table: {@code args[0]} is the corpora folder; then a candidate's index in {@link
   * #candidates()} or {@code opennlp} measures that one alone, as {@code bench/language/run.sh}
   * does in one JVM each (Lingua keeps the models it loaded in static fields, so a second detector
   * in the same JVM would look free); {@code -v} also lists each error.
   */
  public static void main(String[] args) {
    List<String> options = Arrays.asList(args);
    Path corpora = Path.of(args.length > 0 ? args[0] : "../shared/corpora");
    boolean verbose = options.contains("-v");
    String only = options.stream().skip(1).filter(o -> !o.equals("-v")).findFirst().orElse(null);
    if ("count".equals(only)) {
      // For the bench script: how many candidates to run, and the table's header once.
      System.err.print(header());
      System.out.println(candidates().size());
      return;
    }
    List<LanguagePage> pages =
        LanguagePage.read(corpora.resolve("web/fundus-articles.jsonl"), LanguageLabels.web());
    if (only == null) {
      System.out.println(pages.size() + " pages, " + english(pages) + " English");
      System.out.print(header());
    }
    if (only == null || only.equals("opennlp")) {
      print(crossValidateOpenNlp(pages, 5), verbose);
    }
    List<Candidate> candidates = candidates();
    for (int i = 0; i < candidates.size(); i++) {
      if (only == null || only.equals(Integer.toString(i))) {
        print(score(candidates.get(i), pages), verbose);
      }
    }
  }

  private static void print(Row row, boolean verbose) {
    System.out.print(row.line());
    if (verbose) {
      row.errors().forEach(e -> System.out.println("    " + e));
    }
  }

  private static long english(List<LanguagePage> pages) {
    return pages.stream().filter(p -> p.gold().equals("en")).count();
  }
}
