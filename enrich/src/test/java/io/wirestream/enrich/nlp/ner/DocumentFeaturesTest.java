package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentFeaturesTest {

  private static DocumentFeatures document(String... sentences) {
    List<String[]> tokens = new ArrayList<>();
    for (String sentence : sentences) {
      tokens.add(sentence.split(" "));
    }
    return DocumentFeatures.of(tokens);
  }

  @Test
  void shouldDescribeASurnameByTheFullNameAndContextsElsewhereInTheDocument() {
    DocumentFeatures doc =
        document("Sergei Lavrov met Tillerson .", "Lavrov said talks went well .");

    assertThat(doc.of("Lavrov"))
        .containsExactlyInAnyOrder("d:mid", "d:seq=last", "d:p=sergei", "d:n=met", "d:n=said");
    assertThat(doc.of("Sergei")).containsExactly("d:seq=first");
    assertThat(doc.of("Tillerson")).containsExactly("d:mid");
  }

  @Test
  void shouldMarkCapitalisedWordsThatAlsoOccurInLowerCase() {
    DocumentFeatures doc = document("The talks ended .", "He left the room .");

    assertThat(doc.of("The")).containsExactly("d:lc");
    assertThat(doc.of("He")).isEmpty();
  }

  @Test
  void shouldGiveAnAllCapitalsHeadlineWordTheFeaturesOfItsTitleCaseForm() {
    DocumentFeatures doc = document("SOCCER - JAPAN WIN .", "Coach Ito said Japan played well .");

    assertThat(doc.of("JAPAN")).containsExactly("d:mid", "d:seq=first", "d:tc", "d:mid");
    assertThat(doc.of("SOCCER")).isEmpty();
  }

  @Test
  void shouldHaveNoFeaturesForLowerCaseOrUnknownWords() {
    DocumentFeatures doc = document("Lavrov said .");

    assertThat(doc.of("said")).isEmpty();
    assertThat(doc.of("Putin")).isEmpty();
  }

  @Test
  void shouldReadTheWireSlugOfTheHeadline() {
    assertThat(document("SOCCER - JAPAN WIN .", "Japan won .").slug()).isEqualTo("soccer");
    assertThat(document("RUGBY UNION - WASPS WIN .").slug()).isEqualTo("rugby_union");
  }

  @Test
  void shouldHaveNoSlugWithoutACapitalisedWordBeforeAnEarlyDash() {
    assertThat(document("Japan won - narrowly .").slug()).isNull();
    assertThat(document("- Japan won .").slug()).isNull();
    assertThat(document("ONE TWO THREE FOUR - FIVE .").slug()).isNull();
    assertThat(document("G7 - talks .").slug()).isNull();
    assertThat(document().slug()).isNull();
  }
}
