package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class DocumentConsistencyTest {

  @Test
  void shouldLabelAndRetypeLaterSurnamesOfAnEarlierPerson() {
    List<String[]> sentences =
        List.of(
            "Sergei Lavrov met Rex Tillerson .".split(" "),
            "Lavrov said Tillerson had left .".split(" "));
    List<Span[]> names =
        List.of(
            new Span[] {new Span(0, 2, "PER"), new Span(3, 5, "PER")},
            new Span[] {new Span(2, 3, "LOC")});

    List<Span[]> fixed = DocumentConsistency.apply(sentences, names);

    assertThat(fixed.get(1)).containsExactly(new Span(0, 1, "PER"), new Span(2, 3, "PER"));
  }

  @Test
  void shouldGiveALaterRepeatOfAFullNameItsType() {
    List<String[]> sentences =
        List.of(
            "The Bank of England raised rates .".split(" "),
            "Bank of England officials declined .".split(" "));
    List<Span[]> names = List.of(new Span[] {new Span(1, 4, "ORG")}, new Span[0]);

    List<Span[]> fixed = DocumentConsistency.apply(sentences, names);

    assertThat(fixed.get(1)).containsExactly(new Span(0, 3, "ORG"));
  }

  @Test
  void shouldNotLabelSurnamesBeforeTheFullNameOrInLowerCase() {
    List<String[]> sentences =
        List.of("Green said so .".split(" "), "Tom Green left the green room .".split(" "));
    List<Span[]> names = List.of(new Span[0], new Span[] {new Span(0, 2, "PER")});

    List<Span[]> fixed = DocumentConsistency.apply(sentences, names);

    assertThat(fixed.get(0)).isEmpty();
    assertThat(fixed.get(1)).containsExactly(new Span(0, 2, "PER"));
  }
}
