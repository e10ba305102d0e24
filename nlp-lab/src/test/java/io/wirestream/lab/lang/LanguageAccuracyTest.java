package io.wirestream.lab.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.enrich.nlp.lang.LanguageDetectors;
import io.wirestream.enrich.nlp.lang.LanguageGate;
import io.wirestream.enrich.nlp.lang.Languages;
import io.wirestream.lab.lang.LanguagePage.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pins enrich's language detection on the web corpus against its gold languages (see
 * docs/benchmarks.md, "Language detection"): the figures measured, less at most one page.
 */
@Tag("accuracy")
class LanguageAccuracyTest {

  private static List<LanguagePage> pages;
  private static LanguageEvaluation.Row shipped;

  @BeforeAll
  static void run() {
    String corpora = System.getProperty("wirestream.corpora");
    Path gold = corpora == null ? null : Path.of(corpora, "web", "fundus-articles.jsonl");
    assumeTrue(
        gold != null && Files.isRegularFile(gold),
        "web corpus not found under wirestream.corpora="
            + corpora
            + "; skipping language accuracy");
    pages = LanguagePage.read(gold, LanguageLabels.web());
    shipped =
        LanguageEvaluation.score(
            new LanguageEvaluation.Candidate("shipped", LanguageDetectors::shared), pages);
    System.out.print(LanguageEvaluation.header() + shipped.line());
    shipped.errors().forEach(e -> System.out.println("    " + e));
  }

  @Test
  void shouldLabelEveryPageOfTheCorpus() {
    assertThat(pages).hasSize(258);
    assertThat(pages.stream().filter(p -> p.gold().equals("en"))).hasSize(84);
  }

  @Test
  void shouldNameTheLanguageOfNearlyEveryBody() {
    assertThat(shipped.scores().get(Text.GOLD_BODY).correct()).isGreaterThanOrEqualTo(257);
    assertThat(shipped.scores().get(Text.EXTRACTED_BODY).correct()).isGreaterThanOrEqualTo(255);
    assertThat(shipped.scores().get(Text.SHORT).correct()).isGreaterThanOrEqualTo(256);
  }

  @Test
  void shouldRouteEveryPageRightBetweenEnglishAndTheRest() {
    for (Text text : Text.values()) {
      assertThat(shipped.scores().get(text).englishErrors()).as(text.name()).isZero();
    }
  }

  /** What enrich decides from the extracted body and the page's declared, checked language. */
  @Test
  void shouldDecideTheRightLanguageWithTheDeclarationAsFallback() {
    LanguageGate gate = LanguageGate.english();
    int right = 0;
    int misrouted = 0;
    for (LanguagePage page : pages) {
      LanguageGate.Decision d = gate.decide(page.file(), page.extractedBody(), page.declared());
      right += Languages.same(page.gold(), d.language()) ? 1 : 0;
      misrouted += page.gold().equals("en") != d.supported() ? 1 : 0;
    }
    assertThat(misrouted).isZero();
    assertThat(right).isGreaterThanOrEqualTo(257);
  }
}
