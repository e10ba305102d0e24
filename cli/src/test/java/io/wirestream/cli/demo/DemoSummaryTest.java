package io.wirestream.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoSummaryTest {

  private static DemoSummary summary(long read, long stored, long stale, long dead, long lost) {
    return DemoSummary.of(read, 1, stored, stale, dead, lost, 49, 26, 4.0, "jdbc:sqlite:x.db");
  }

  @Test
  void shouldPrintTheSuccessLineAsBeforeWhenEveryArticleIsAccountedFor() {
    DemoSummary done = summary(4, 3, 0, 1, 0);

    assertThat(done.complete()).isTrue();
    assertThat(done.problem()).isNull();
    assertThat(done)
        .hasToString(
            "articles read 4 (rejected at input 1), stored 3, dead-lettered 1, entities 49,"
                + " dates 26, 4.0 s, 1.0 articles/s"
                + System.lineSeparator()
                + "store: jdbc:sqlite:x.db");
  }

  @Test
  void shouldCountArticlesNeitherStoredNorDeadLetteredAsUnaccountedAndIncomplete() {
    DemoSummary short4 = summary(26, 22, 0, 0, 0);

    assertThat(short4.complete()).isFalse();
    assertThat(short4.unaccounted()).isEqualTo(4);
    assertThat(short4.toString())
        .startsWith("articles read 26 (rejected at input 1), stored 22, dead-lettered 0,")
        .contains("articles/s, unaccounted 4");
    assertThat(short4.problem())
        .isEqualTo(
            "4 of 26 accepted articles were neither stored nor dead-lettered when the demo"
                + " stopped waiting; see the log above");
  }

  @Test
  void shouldSayHowManyOfTheUnaccountedTheBrokerNeverAcknowledged() {
    DemoSummary lost = summary(26, 22, 0, 0, 3);

    assertThat(lost.notDelivered()).isEqualTo(3);
    assertThat(lost.problem()).contains("(3 never acknowledged by the broker)");
  }

  @Test
  void shouldCountArticlesSkippedAsStaleAsAccountedForAndShowThem() {
    DemoSummary replay = summary(4, 2, 2, 0, 0);

    assertThat(replay.complete()).isTrue();
    assertThat(replay.toString()).contains("articles/s, skipped as stale 2");
  }
}
