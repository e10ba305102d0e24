package io.wirestream.enrich.nlp.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline's seed article (published Wednesday 2017-04-12), sentences kept inline. */
class SeedArticleTest {

  private static final LocalDate PUBLISHED = LocalDate.of(2017, 4, 12);

  private static final String BODY =
      String.join(
          "\n\n",
          "Russian President Vladimir Putin on Wednesday said relations with the US have worsened"
              + " since President Donald Trump took office in January.",
          "The remarks were released as Russia’s Foreign Minister Sergei Lavrov met US Secretary of"
              + " State Rex Tillerson in Moscow, amid rising tension over a chemical attack in Syria"
              + " last week that killed at least 89 people, reported BBC.",
          "But Russia denounced US airstrikes on a Syrian airbase, launched last week in response"
              + " to the government’s attack on a rebel area in Idlib province.",
          "On Tuesday, Trump said the priority remained defeating the Islamic jihadist group and"
              + " that the US was “not going into” Syria’s civil war.",
          "Meanwhile, the UN Security Council will vote later on Wednesday on a draft resolution by"
              + " the US, Britain and France requiring the Syrian government to co-operate with an"
              + " investigation into the chemical attack.");

  private final List<TemporalExpression> found = new RuleBasedTemporalTagger().tag(BODY, PUBLISHED);

  private TemporalExpression at(String context, String expression) {
    int start = BODY.indexOf(context) + context.indexOf(expression);
    return found.stream()
        .filter(t -> t.start() <= start && t.end() >= start + expression.length())
        .findFirst()
        .orElseThrow(() -> new AssertionError("not tagged: " + expression + " in " + found));
  }

  @Test
  void shouldResolveWednesdayOfPublicationToThatDay() {
    TemporalExpression t = at("Putin on Wednesday said", "Wednesday");
    assertThat(t.type()).isEqualTo(TimexType.DATE);
    assertThat(t.value()).isEqualTo("2017-04-12");
    assertThat(t.text()).isEqualTo("Wednesday");
  }

  @Test
  void shouldResolvePastJanuaryToThisYear() {
    TemporalExpression t = at("took office in January", "January");
    assertThat(t.value()).isEqualTo("2017-01");
    assertThat(t.text()).isEqualTo("January");
  }

  @Test
  void shouldResolveBothLastWeeksToIsoWeek14() {
    TemporalExpression first = at("Syria last week that", "last week");
    TemporalExpression second = at("launched last week in", "last week");
    assertThat(first.value()).isEqualTo("2017-W14");
    assertThat(second.value()).isEqualTo("2017-W14");
    assertThat(first.text()).isEqualTo("last week");
  }

  @Test
  void shouldResolveTuesdayToTheDayBefore() {
    TemporalExpression t = at("On Tuesday, Trump", "Tuesday");
    assertThat(t.value()).isEqualTo("2017-04-11");
    assertThat(t.text()).isEqualTo("Tuesday");
  }

  @Test
  void shouldResolveLaterOnWednesdayToPublicationDay() {
    TemporalExpression t = at("will vote later on Wednesday", "Wednesday");
    assertThat(t.type()).isEqualTo(TimexType.DATE);
    assertThat(t.value()).isEqualTo("2017-04-12");
  }

  @Test
  void shouldFindNothingElse() {
    assertThat(found)
        .extracting(TemporalExpression::text)
        .containsExactly("Wednesday", "January", "last week", "last week", "Tuesday", "Wednesday");
  }
}
