package io.wirestream.lab.lang;

import io.wirestream.ingest.page.ExtractedPage;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.lab.extract.ExtractionEvaluation;
import io.wirestream.lab.extract.ExtractionGold;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the web corpus as the language measurements see it: its gold language, the gold body,
 * the body and the declared (checked) language the page extractor finds, and a short text (title
 * and first paragraph of the extracted body), which is what a feed item often carries.
 */
public record LanguagePage(
    String file,
    String gold,
    String declared,
    String goldBody,
    String extractedBody,
    String shortText) {

  /** Which text of a page a detector is given. */
  public enum Text {
    GOLD_BODY,
    EXTRACTED_BODY,
    SHORT;

    public String of(LanguagePage page) {
      return switch (this) {
        case GOLD_BODY -> page.goldBody();
        case EXTRACTED_BODY -> page.extractedBody();
        case SHORT -> page.shortText();
      };
    }
  }

  /**
   * Every page of {@code goldFile} that {@code labels} names, extracted with the production
   * extractor.
   */
  public static List<LanguagePage> read(Path goldFile, LanguageLabels labels) {
    Path root = goldFile.toAbsolutePath().getParent();
    PageExtractor extractor = new PageExtractor(2 << 20);
    List<LanguagePage> pages = new ArrayList<>();
    for (ExtractionGold g : ExtractionGold.read(goldFile)) {
      String language = labels.of(g.file());
      if (language == null) {
        throw new IllegalArgumentException("no gold language for " + g.file());
      }
      URI url = g.url().isEmpty() ? null : URI.create(g.url());
      ExtractedPage page =
          extractor.extract(ExtractionEvaluation.read(root.resolve(g.file())), url, null);
      String body = page.body();
      int para = body.indexOf("\n\n");
      String lead = para < 0 ? body : body.substring(0, para);
      String title = page.title().isEmpty() ? g.title() : page.title();
      pages.add(
          new LanguagePage(
              g.file(),
              language,
              page.language().isEmpty() ? null : page.language(),
              g.body(),
              body,
              (title + "\n\n" + lead).strip()));
    }
    return pages;
  }
}
