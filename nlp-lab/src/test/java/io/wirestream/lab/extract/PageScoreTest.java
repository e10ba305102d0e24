package io.wirestream.lab.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.ingest.page.PageExtractor;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageScoreTest {

  @Test
  void shouldScoreAuthorsAsSetsIgnoringCaseAndSpacing() {
    assertThat(PageScore.authorF1(List.of("Ann Smith", "Bo Lee"), List.of("ann  smith")))
        .isCloseTo(2 / 3.0, within(1e-9));
    assertThat(PageScore.authorF1(List.of(), List.of())).isEqualTo(1);
    assertThat(PageScore.authorF1(List.of("Ann Smith"), List.of())).isZero();
  }

  @Test
  void shouldCompareTitleDateAndBodyOfAnExtractedPageWithItsGold() {
    String html =
        "<html><head><meta property=\"article:published_time\""
            + " content=\"2024-05-03T17:47:42+02:00\"></head><body><article><h1>Bridge"
            + " closed</h1><p>The city council voted on Tuesday to close the old harbour bridge"
            + " to cars.</p></article></body></html>";
    ExtractionGold gold =
        new ExtractionGold(
            "x.html",
            "https://example.org/x",
            "Example",
            "Bridge  closed",
            List.of(),
            Optional.of(OffsetDateTime.parse("2024-05-03T15:47:42.389+00:00")),
            "The city council voted on Tuesday to close the old harbour bridge to cars.");

    PageScore score =
        PageScore.of(gold, new PageExtractor(1 << 20).extract(html, URI.create(gold.url())));

    assertThat(score.titleExact()).isTrue();
    assertThat(score.dateExact()).isTrue();
    assertThat(score.dateDay()).isTrue();
    assertThat(score.authorF1()).isEqualTo(1);
    assertThat(score.body().tp()).isEqualTo(1);
  }

  @Test
  void shouldTellEnglishGoldFromOtherLanguages() {
    assertThat(
            ExtractionEvaluation.isEnglish(
                "The council said on Tuesday that the bridge was closed to cars and that it"
                    + " would be repaired by the end of the year."))
        .isTrue();
    assertThat(
            ExtractionEvaluation.isEnglish(
                "Der Gemeinderat hat am Dienstag beschlossen, die alte Hafenbrücke für Autos zu"
                    + " schließen, nachdem Risse gefunden wurden."))
        .isFalse();
  }
}
