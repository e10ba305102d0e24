package io.wirestream.lab.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.lab.ner.SpanScores.Mention;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class DetokenizerTest {

  @Test
  void shouldRebuildTextWithGoldNamesAsCharacterSpans() {
    NameSample headline =
        new NameSample(
            new String[] {"JAPAN", "GET", "LUCKY", "WIN"},
            new Span[] {new Span(0, 1, "LOC")},
            true);
    NameSample sentence =
        new NameSample(
            new String[] {"Nadim", "Ladki", "(", "AL-AIN", ")", "said", "\"", "no", "\"", "."},
            new Span[] {new Span(0, 2, "PER"), new Span(3, 4, "LOC")},
            false);

    Detokenizer.Document doc = Detokenizer.rebuild(List.of(headline, sentence));

    assertThat(doc.text()).isEqualTo("JAPAN GET LUCKY WIN\nNadim Ladki (AL-AIN) said \"no\". ");
    assertThat(doc.goldMentions())
        .containsExactly(
            new Mention(0, 5, "LOC"), new Mention(20, 31, "PER"), new Mention(33, 39, "LOC"));
    for (Mention m : doc.goldMentions()) {
      assertThat(doc.text().substring(m.start(), m.end())).doesNotStartWith(" ");
    }
  }
}
