package io.wirestream.lab.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class ConllReaderTest {

  @Test
  void shouldReadConll2003FourColumnsInIob1WithDocumentStarts() {
    List<NameSample> samples =
        ConllReader.parse(
            """
        -DOCSTART- -X- O O

        EU NNP I-NP I-ORG
        rejects VBZ I-VP O
        German JJ I-NP I-MISC
        call NN I-NP O

        Peter NNP I-NP I-PER
        Blackburn NNP I-NP I-PER
        """);

    assertThat(samples).hasSize(2);
    assertThat(samples.get(0).isClearAdaptiveDataSet()).isTrue();
    assertThat(samples.get(1).isClearAdaptiveDataSet()).isFalse();
    assertThat(samples.get(0).getSentence()).containsExactly("EU", "rejects", "German", "call");
    assertThat(samples.get(0).getNames())
        .containsExactly(new Span(0, 1, "ORG"), new Span(2, 3, "MISC"));
    assertThat(samples.get(1).getNames()).containsExactly(new Span(0, 2, "PER"));
  }

  @Test
  void shouldTakeTheFirstColumnAsTokenEvenWhenItIsANumber() {
    List<NameSample> samples =
        ConllReader.parse(
            """
        Interstates NNP I-NP I-LOC
        80 CD I-NP I-LOC
        and CC O O
        90 CD I-NP I-LOC
        """);

    assertThat(samples.get(0).getSentence()).containsExactly("Interstates", "80", "and", "90");
    assertThat(samples.get(0).getNames())
        .containsExactly(new Span(0, 2, "LOC"), new Span(3, 4, "LOC"));
  }

  @Test
  void shouldSplitAdjacentNamesOfOneTypeOnlyAtB() {
    assertThat(ConllReader.decode(List.of("I-LOC", "B-LOC", "I-LOC", "O", "I-PER", "I-ORG")))
        .containsExactly(
            new Span(0, 1, "LOC"),
            new Span(1, 3, "LOC"),
            new Span(4, 5, "PER"),
            new Span(5, 6, "ORG"));
  }

  @Test
  void shouldReadTwoColumnIob2WithTabs() {
    List<NameSample> samples = ConllReader.parse("Angela\tB-PER\nMerkel\tI-PER\nspoke\tO\n");

    assertThat(samples.get(0).getNames()).containsExactly(new Span(0, 2, "PER"));
  }

  @Test
  void shouldReadUniversalNerRowsAndTreatStrayBoAsOutside() {
    List<NameSample> samples =
        ConllReader.parse(
            """
        # newdoc id = doc1
        # sent_id = s1
        # text = Visit Tampa Bay , now
        1\tVisit\tO\t-\t-
        2\tTampa\tB-LOC\t-\t-
        3\tBay\tI-LOC\t-\t-
        4\t,\tB-O\t-\t-
        5\tnow\tB-OTH\t-\t-
        """);

    assertThat(samples).hasSize(1);
    assertThat(samples.get(0).isClearAdaptiveDataSet()).isTrue();
    assertThat(samples.get(0).getSentence()).containsExactly("Visit", "Tampa", "Bay", ",", "now");
    assertThat(samples.get(0).getNames())
        .containsExactly(new Span(1, 3, "LOC"), new Span(4, 5, "MISC"));
  }
}
