package io.wirestream.lab.extract;

import io.wirestream.ingest.page.ExtractedPage;
import io.wirestream.ingest.page.PageExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Runs the page extractor over a gold corpus and scores it: all pages, the English ones, and two
 * halves split by publisher, so that a rule tuned on one half can be checked on the other.
 */
public final class ExtractionEvaluation {

  /** The scores of each page, in gold order, and the reports over the page sets. */
  public record Result(
      List<ExtractionGold> gold, List<PageScore> scores, List<ExtractionReport> reports) {

    public String report() {
      StringBuilder out = new StringBuilder(ExtractionReport.header());
      for (ExtractionReport r : reports) {
        out.append(r.line());
      }
      return out.toString();
    }

    public ExtractionReport overall() {
      return reports.get(0);
    }
  }

  private static final Set<String> ENGLISH_FUNCTION_WORDS =
      Set.of(
          "the", "and", "of", "to", "in", "is", "that", "for", "was", "on", "with", "as", "it",
          "he", "said", "by", "at", "from", "his", "be", "have", "are", "has");

  private ExtractionEvaluation() {}

  /** Scores {@code extractor} on the pages of {@code goldFile}, resolved against its folder. */
  public static Result run(Path goldFile, PageExtractor extractor) {
    List<ExtractionGold> gold = ExtractionGold.read(goldFile);
    Path root = goldFile.toAbsolutePath().getParent();
    List<PageScore> scores = new ArrayList<>();
    for (ExtractionGold page : gold) {
      Path file = root.resolve(page.file());
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("page " + file + " of " + goldFile + " does not exist");
      }
      URI url = page.url().isEmpty() ? null : URI.create(page.url());
      ExtractedPage extracted = extractor.extract(read(file), url, null);
      scores.add(PageScore.of(page, extracted));
    }
    List<ExtractionReport> reports = new ArrayList<>();
    reports.add(report("all", gold, scores, g -> true));
    reports.add(report("english", gold, scores, g -> isEnglish(g.body())));
    reports.add(report("publisher half A", gold, scores, g -> half(g) == 0));
    reports.add(report("publisher half B", gold, scores, g -> half(g) == 1));
    return new Result(gold, scores, reports);
  }

  private static ExtractionReport report(
      String name,
      List<ExtractionGold> gold,
      List<PageScore> scores,
      Predicate<ExtractionGold> in) {
    List<PageScore> chosen = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      if (in.test(gold.get(i))) {
        chosen.add(scores.get(i));
      }
    }
    return ExtractionReport.of(name, chosen);
  }

  /** A page file, gunzipped when its name ends in {@code .gz}. */
  public static byte[] read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return file.getFileName().toString().endsWith(".gz")
          ? new GZIPInputStream(in).readAllBytes()
          : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether a gold body is English: more than 15% of its words are common English function words
   * (English text has about a quarter, other languages under 8% on the web corpus). The gold, not
   * the extractor, decides, so the English figure does not depend on the language detection.
   */
  static boolean isEnglish(String body) {
    List<String> tokens = ShingleMatch.tokens(body.toLowerCase(java.util.Locale.ROOT));
    if (tokens.isEmpty()) {
      return false;
    }
    long function = tokens.stream().filter(ENGLISH_FUNCTION_WORDS::contains).count();
    return function > 0.15 * tokens.size();
  }

  /** Half 0 or 1 by a hash of the publisher (the file name's prefix when none is given). */
  static int half(ExtractionGold gold) {
    String publisher = gold.publisher();
    if (publisher.isEmpty()) {
      String name = Path.of(gold.file()).getFileName().toString();
      publisher = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(publisher.getBytes(StandardCharsets.UTF_8));
      return digest[digest.length - 1] & 1;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
