package io.wirestream.enrich.nlp.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import java.time.LocalDate;
import java.util.List;

/** Tags a sentence as of Wednesday 2017-04-12 and checks one expression in it. */
final class TagAssert {

  static final LocalDate PUBLISHED = LocalDate.of(2017, 4, 12);
  static final RuleBasedTemporalTagger TAGGER = new RuleBasedTemporalTagger();

  private TagAssert() {}

  static List<TemporalExpression> tag(String sentence) {
    return TAGGER.tag(sentence, PUBLISHED);
  }

  /** The sentence holds an expression with exactly this extent, type and value. */
  static void assertTagged(String sentence, String extent, TimexType type, String value) {
    List<TemporalExpression> found = tag(sentence);
    assertThat(found)
        .as("expressions in \"%s\"", sentence)
        .anySatisfy(
            t -> {
              assertThat(t.text()).isEqualTo(extent);
              assertThat(t.type()).isEqualTo(type);
              assertThat(t.value()).isEqualTo(value);
              assertThat(sentence.substring(t.start(), t.end())).isEqualTo(extent);
            });
  }
}
