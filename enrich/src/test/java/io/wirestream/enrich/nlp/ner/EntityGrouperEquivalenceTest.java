package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The indexed grouping gives what comparing every pair of mentions gave, in linear time. */
class EntityGrouperEquivalenceTest {

  private static final String[] FIRST = {"Vladimir", "Bashar", "Rex", "Donald", "John", "ANGELA"};
  private static final String[] LAST = {
    "Putin",
    "al-Assad",
    "Assad",
    "AL-ASSAD",
    "Tillerson",
    "Trump",
    "Smith",
    "smith",
    "MERKEL",
    "Merkel",
    "el-Sisi",
    "Sisi"
  };
  private static final String[] ORGS = {
    "United Nations",
    "UN",
    "U.N.",
    "European Union",
    "EU",
    "World Trade Organization",
    "WTO",
    "World Health Organization",
    "WHO",
    "Bank",
    "IMF",
    "US",
    "United States",
    "Jordan",
    "ab"
  };

  private static List<Entity> randomMentions(Random random, int count) {
    EntityType[] types = EntityType.values();
    List<Entity> mentions = new ArrayList<>(count);
    int offset = 0;
    for (int i = 0; i < count; i++) {
      EntityType type = types[random.nextInt(types.length)];
      String text =
          switch (random.nextInt(5)) {
            case 0 -> LAST[random.nextInt(LAST.length)];
            case 1 -> FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            case 2 ->
                FIRST[random.nextInt(FIRST.length)]
                    + "  "
                    + FIRST[random.nextInt(FIRST.length)]
                    + " "
                    + LAST[random.nextInt(LAST.length)];
            default -> ORGS[random.nextInt(ORGS.length)];
          };
      mentions.add(new Entity(text, type, offset, offset + text.length(), null));
      offset += text.length() + 1 + random.nextInt(20);
    }
    return mentions;
  }

  @Test
  void shouldGroupExactlyAsComparingEveryPairOfMentions() {
    EntityGrouper grouper = new EntityGrouper();
    Random random = new Random(20261202);
    for (int round = 0; round < 300; round++) {
      List<Entity> mentions = randomMentions(random, 1 + random.nextInt(60));

      EntityGrouper.Grouping expected = AllPairsGrouper.group(mentions);
      EntityGrouper.Grouping actual = grouper.group(mentions);

      assertThat(actual.mentions()).as("round %d", round).isEqualTo(expected.mentions());
      assertThat(actual.entities()).as("round %d", round).isEqualTo(expected.entities());
    }
  }

  @Test
  void shouldGroupFiftyThousandMentionsInLinearTime() {
    List<Entity> mentions = randomMentions(new Random(7), 50_000);

    // All pairs would be 2.5 billion comparisons, each splitting a name: minutes, not seconds.
    EntityGrouper.Grouping grouping =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> new EntityGrouper().group(mentions));

    assertThat(grouping.mentions()).hasSize(50_000);
    assertThat(grouping.mentions())
        .filteredOn(m -> m.type() == EntityType.PERSON && m.text().equals("Assad"))
        .extracting(Entity::canonical)
        .isNotEmpty()
        .allMatch(c -> c.contains(" ") && c.toLowerCase(Locale.ROOT).endsWith("assad"));
  }
}
