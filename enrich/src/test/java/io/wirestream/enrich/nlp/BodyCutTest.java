package io.wirestream.enrich.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyCutTest {

  @Test
  void shouldKeepABodyNoLongerThanTheCapWhole() {
    assertThat(BodyCut.at("Short story.", 12)).isEqualTo(12);
    assertThat(BodyCut.at("", 1_000)).isZero();
  }

  @Test
  void shouldCutAfterTheLastSentenceEndBeforeTheCap() {
    String body = "First sentence. Second one here is long";

    int cut = BodyCut.at(body, 30);

    assertThat(body.substring(0, cut)).isEqualTo("First sentence.");
  }

  @Test
  void shouldCutAfterTheLastNewlineBeforeTheCap() {
    String body = "Headline\nbody words run on";

    assertThat(body.substring(0, BodyCut.at(body, 15))).isEqualTo("Headline\n");
  }

  @Test
  void shouldCutAtAWordBoundaryWhenNoSentenceEndsNearTheCap() {
    String body = "word ".repeat(1_000);

    int cut = BodyCut.at(body, 2_502);

    assertThat(cut).isEqualTo(2_499);
    assertThat(body.substring(0, cut)).endsWith("word").doesNotEndWith(" ");
  }

  @Test
  void shouldCutOneHugeTokenAtTheCapButNotInsideASurrogatePair() {
    String token = "x".repeat(4_999) + "\uD83D\uDE00" + "x".repeat(5_000);

    assertThat(BodyCut.at("y".repeat(10_000), 5_000)).isEqualTo(5_000);
    assertThat(BodyCut.at(token, 5_000)).isEqualTo(4_999);
  }
}
