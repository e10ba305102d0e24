package io.wirestream.enrich.nlp.ner;

import static io.wirestream.common.model.EntityType.LOCATION;
import static io.wirestream.common.model.EntityType.MISC;
import static io.wirestream.common.model.EntityType.ORGANIZATION;
import static io.wirestream.common.model.EntityType.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityGrouperTest {

  private final EntityGrouper grouper = new EntityGrouper();

  @Test
  void shouldGroupSurnameWithEarlierFullName() {
    EntityGrouper.Grouping g =
        grouper.group(
            mentions(
                PERSON,
                "Vladimir Putin",
                PERSON,
                "Donald Trump",
                PERSON,
                "Putin",
                PERSON,
                "Trump",
                PERSON,
                "Putin"));

    assertThat(g.entities())
        .containsExactly(
            new CanonicalEntity("Vladimir Putin", PERSON, 3, 0, null),
            new CanonicalEntity("Donald Trump", PERSON, 2, 100, null));
    assertThat(g.mentions())
        .extracting(Entity::canonical)
        .containsExactly(
            "Vladimir Putin", "Donald Trump", "Vladimir Putin", "Donald Trump", "Vladimir Putin");
  }

  @Test
  void shouldGroupSurnameWithLaterFullNameAndArabicArticle() {
    EntityGrouper.Grouping g =
        grouper.group(mentions(PERSON, "Assad", PERSON, "Bashar al-Assad", PERSON, "Assad"));

    assertThat(g.entities())
        .containsExactly(new CanonicalEntity("Bashar al-Assad", PERSON, 3, 0, null));
  }

  @Test
  void shouldPreferTheNearestEarlierNameWhenASurnameIsShared() {
    EntityGrouper.Grouping g =
        grouper.group(
            mentions(PERSON, "George Bush", PERSON, "Bush", PERSON, "Jeb Bush", PERSON, "Bush"));

    assertThat(g.mentions())
        .extracting(Entity::canonical)
        .containsExactly("George Bush", "George Bush", "Jeb Bush", "Jeb Bush");
  }

  @Test
  void shouldGroupCountryAliasesUnderOneNameWithIsoCode() {
    EntityGrouper.Grouping g =
        grouper.group(
            mentions(
                LOCATION,
                "US",
                LOCATION,
                "Russia",
                ORGANIZATION,
                "U.S.",
                LOCATION,
                "United States",
                LOCATION,
                "Britain",
                LOCATION,
                "Moscow"));

    assertThat(g.entities())
        .containsExactly(
            new CanonicalEntity("United States", LOCATION, 3, 0, "US"),
            new CanonicalEntity("Russia", LOCATION, 1, 100, "RU"),
            new CanonicalEntity("United Kingdom", LOCATION, 1, 400, "GB"),
            new CanonicalEntity("Moscow", LOCATION, 1, 500, null));
    assertThat(g.mentions().get(2).type()).isEqualTo(LOCATION);
  }

  @Test
  void shouldKnowTheJdkCountryNamesAndCommonAliases() {
    assertThat(CountryCodes.codeOf("Syria")).contains("SY");
    assertThat(CountryCodes.codeOf("GERMANY")).contains("DE");
    assertThat(CountryCodes.codeOf("Ivory Coast")).contains("CI");
    assertThat(CountryCodes.codeOf("South Korea")).contains("KR");
    assertThat(CountryCodes.codeOf("Moscow")).isEmpty();
  }

  @Test
  void shouldNotTurnDemonymsIntoCountries() {
    EntityGrouper.Grouping g = grouper.group(mentions(MISC, "Russian", MISC, "Syrian"));

    assertThat(g.entities()).extracting(CanonicalEntity::countryCode).containsOnlyNulls();
  }

  @Test
  void shouldGroupAcronymWithSpelledOutOrganisation() {
    EntityGrouper.Grouping g =
        grouper.group(
            mentions(ORGANIZATION, "United Nations", ORGANIZATION, "UN", ORGANIZATION, "BBC"));

    assertThat(g.entities())
        .containsExactly(
            new CanonicalEntity("United Nations", ORGANIZATION, 2, 0, null),
            new CanonicalEntity("BBC", ORGANIZATION, 1, 200, null));
  }

  @Test
  void shouldKeepSameTextOfDifferentTypesApart() {
    EntityGrouper.Grouping g =
        grouper.group(
            mentions(LOCATION, "Washington", PERSON, "Washington", LOCATION, "WASHINGTON"));

    assertThat(g.entities())
        .containsExactly(
            new CanonicalEntity("Washington", LOCATION, 2, 0, null),
            new CanonicalEntity("Washington", PERSON, 1, 100, null));
  }

  /** Type/text pairs; mention i starts at 100 * i. */
  private static List<Entity> mentions(Object... typeAndText) {
    List<Entity> out = new ArrayList<>();
    for (int i = 0; i < typeAndText.length; i += 2) {
      String text = (String) typeAndText[i + 1];
      int start = 100 * (i / 2);
      out.add(new Entity(text, (EntityType) typeAndText[i], start, start + text.length(), null));
    }
    return out;
  }
}
