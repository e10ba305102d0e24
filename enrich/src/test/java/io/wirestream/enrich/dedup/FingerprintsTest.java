package io.wirestream.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Article;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

  private static final String BODY =
      "The central bank left its main rate unchanged on Thursday, saying inflation had eased"
          + " for a third month and that wages in the public sector were rising more slowly than"
          + " it had feared in the spring, when unions won a round of increases across the"
          + " country. Economists had expected the decision and most see a cut before the end of"
          + " the year if the currency holds steady against the dollar and the euro.";

  @Test
  void shouldNormaliseCaseSpacingPunctuationAndCompatibilityForms() {
    assertThat(Fingerprints.normalizeText("  U.S.  Grain—EXPORTS “rise”\n\n ﬁve pct! "))
        .isEqualTo("u s grain exports rise five pct");
    assertThat(Fingerprints.normalizeText(null)).isEmpty();
  }

  @Test
  void shouldHashBodiesThatDifferOnlyInCaseAndSpacingAlike() {
    assertThat(Fingerprints.bodyHash("Shares  rose.\n\nTrading was thin."))
        .isEqualTo(Fingerprints.bodyHash("shares rose. trading was thin"))
        .hasSize(32)
        .isNotEqualTo(Fingerprints.bodyHash("Shares fell. Trading was thin."));
  }

  @Test
  void shouldKeySameTitleOfOneSourceAndKeepSourcesApart() {
    Article a = Article.builder("a", "wire", "x", "2026-01-01").title("GRAIN EXPORTS RISE").build();
    Article b = a.toBuilder().id("b").title("Grain exports rise!").build();
    Article c = b.toBuilder().source("other").build();

    assertThat(Fingerprints.titleKey(a)).contains("wire|grain exports rise");
    assertThat(Fingerprints.titleKey(b)).isEqualTo(Fingerprints.titleKey(a));
    assertThat(Fingerprints.titleKey(c)).isNotEqualTo(Fingerprints.titleKey(a));
    assertThat(Fingerprints.titleKey(a.toBuilder().title(" -- ").build())).isEmpty();
  }

  @Test
  void shouldPreferTheCanonicalUrlAndNormaliseIt() {
    Article article =
        Article.builder("a", "wire", "x", "2026-01-01")
            .url("https://feed.example/item?id=1")
            .canonicalUrl("HTTPS://News.Example:443/a/./b?utm_source=x#top")
            .build();
    assertThat(Fingerprints.urlKey(article)).contains("https://news.example/a/b");
    assertThat(Fingerprints.urlKey(article.toBuilder().canonicalUrl("not a url").build()))
        .contains("https://feed.example/item?id=1");
    assertThat(Fingerprints.urlKey(Article.builder("a", "w", "x", "2026-01-01").build())).isEmpty();
  }

  @Test
  void shouldGiveANearlyIdenticalBodyASimhashFewBitsAwayAndAnotherBodyMany() {
    long original = Fingerprints.simhash(BODY).orElseThrow();
    long edited =
        Fingerprints.simhash(BODY.replace("on Thursday", "on Thursday afternoon")).orElseThrow();
    long other =
        Fingerprints.simhash(
                "Rain fell across the north of the country for a fourth day, flooding roads and"
                    + " fields, and the weather service warned that rivers in the hills would"
                    + " rise further overnight before the storm moved out to sea on Sunday"
                    + " morning, leaving colder air behind it for the rest of the week.")
            .orElseThrow();

    assertThat(Fingerprints.distance(original, original)).isZero();
    assertThat(Fingerprints.distance(original, edited)).isLessThanOrEqualTo(6);
    assertThat(Fingerprints.distance(original, other)).isGreaterThan(12);
    assertThat(Fingerprints.simhash(BODY.toUpperCase(java.util.Locale.ROOT))).contains(original);
  }

  @Test
  void shouldGiveNoSimhashToABodyOfAFewWords() {
    assertThat(Fingerprints.simhash("Shr 10 cts vs 12 cts. Net 1.2 mln vs 1.4 mln.")).isEmpty();
  }

  @Test
  void shouldShareABandBetweenAnyTwoHashesWithinTheDistance() {
    long a = 0x0123456789abcdefL;
    // Six bits flipped, spread over the word: with seven bands one band keeps them all apart.
    long b = a ^ (1L | 1L << 11 | 1L << 22 | 1L << 33 | 1L << 44 | 1L << 55);
    long far = ~a;
    List<String> bandsA = Fingerprints.bands(a, 6);

    assertThat(bandsA).hasSize(7).doesNotHaveDuplicates();
    Set<String> shared = new HashSet<>(bandsA);
    shared.retainAll(Fingerprints.bands(b, 6));
    assertThat(shared).isNotEmpty();
    Set<String> none = new HashSet<>(bandsA);
    none.retainAll(Fingerprints.bands(far, 6));
    assertThat(none).isEmpty();
    assertThat(Fingerprints.bands(a, 0)).containsExactly("0:" + Long.toHexString(a));
  }
}
