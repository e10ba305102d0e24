package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model shipped in the jar, on the project's seed article (2017-04-12, BBC report). */
class ShippedModelTest {

  private static final String SEED =
      """
      Russian President Vladimir Putin on Wednesday said relations with the US have worsened \
      since President Donald Trump took office in January.

      He told Russian TV that trust between the two countries had particularly deteriorated \
      “on the military level”.

      The remarks were released as Russia’s Foreign Minister Sergei Lavrov met US Secretary of \
      State Rex Tillerson in Moscow, amid rising tension over a chemical attack in Syria last \
      week that killed at least 89 people, reported BBC.

      The US has been urging Russia to end its support for the Syrian government.

      Asked by Mir television about accusations that the forces of President Bashar al-Assad \
      had used chemical weapons, Putin reaffirmed that Syria had given up its chemical \
      stockpile.

      The statement came as Tillerson was holding talks with Lavrov.
      """;

  private static List<Entity> entities;

  @BeforeAll
  static void extract() {
    entities = new OpenNlpEntityExtractorFactory().create().extract(SEED);
  }

  @Test
  void shouldFindThePeopleOfTheSeedArticle() {
    assertThat(names(EntityType.PERSON))
        .contains(
            "Vladimir Putin",
            "Donald Trump",
            "Sergei Lavrov",
            "Rex Tillerson",
            "Bashar al-Assad",
            "Putin",
            "Tillerson",
            "Lavrov");
  }

  @Test
  void shouldFindThePlacesOfTheSeedArticle() {
    assertThat(names(EntityType.LOCATION)).contains("Russia", "Syria", "Moscow");
  }

  @Test
  void shouldPointEveryMentionAtItsText() {
    for (Entity e : entities) {
      assertThat(SEED.substring(e.start(), e.end())).isEqualTo(e.text());
    }
  }

  @Test
  void shouldNameTheShippedModel() {
    assertThat(new OpenNlpEntityExtractorFactory().modelName()).matches("ner-en@[0-9a-f]{12}");
  }

  private static List<String> names(EntityType type) {
    return entities.stream().filter(e -> e.type() == type).map(Entity::text).toList();
  }
}
