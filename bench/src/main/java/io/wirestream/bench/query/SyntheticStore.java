package io.wirestream.bench.query;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Draws the rows of synthetic enriched articles with news-like skew: entity popularity follows a
 * Zipf law over a fixed vocabulary (a few names in most articles, a long tail in one or two),
 * places carry countries that are Zipf-distributed too, and most mentioned dates are days, weeks
 * and months near the publication date, with some years, quarters, decades and durations.
 */
final class SyntheticStore {

  static final int VOCABULARY = 50_000;
  static final String[] TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"};
  static final String[] COUNTRIES = {
    "US", "GB", "CN", "RU", "DE", "FR", "JP", "IN", "BR", "CA", "IT", "ES", "AU", "KR", "MX",
    "ZA", "NG", "EG", "TR", "IR", "IL", "SA", "UA", "PL", "NL", "SE", "NO", "AR", "CL", "PK",
    "ID", "TH", "VN", "PH", "MY", "SG", "NZ", "IE", "BE", "CH", "AT", "GR", "PT", "DK", "FI"
  };
  static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
  static final int DAYS = 3_652;

  private final ZipfSampler names = new ZipfSampler(VOCABULARY, 1.05);
  private final ZipfSampler countries = new ZipfSampler(COUNTRIES.length, 1.2);

  /** Name i's type is fixed, so (name, type) pairs repeat as in real data. */
  static String type(int name) {
    int bucket = (int) Math.floorMod(name * 2_654_435_761L, 100L);
    return bucket < 40
        ? "PERSON"
        : bucket < 70 ? "ORGANIZATION" : bucket < 92 ? "LOCATION" : "MISC";
  }

  static String name(int name) {
    return "Entity " + name;
  }

  /** A place's country, fixed per name; about one place in ten is not a country's. */
  String country(int name) {
    SplittableRandom byName = new SplittableRandom(name);
    if (byName.nextInt(10) == 0) {
      return null;
    }
    return COUNTRIES[countries.sample(byName) - 1];
  }

  int entityCount(SplittableRandom random) {
    return 1 + random.nextInt(4) + random.nextInt(5);
  }

  int entity(SplittableRandom random) {
    return names.sample(random);
  }

  LocalDate published(SplittableRandom random) {
    return FIRST_DAY.plusDays(random.nextInt(DAYS));
  }

  int dateCount(SplittableRandom random) {
    return random.nextInt(6);
  }

  /** A TIMEX3 value as the tagger would resolve one against {@code published}. */
  String timex(SplittableRandom random, LocalDate published) {
    int kind = random.nextInt(100);
    if (kind < 45) {
      return published.minusDays(random.nextInt(10)).toString();
    }
    if (kind < 58) {
      LocalDate day = published.minusWeeks(random.nextInt(3));
      return String.format(
          "%d-W%02d",
          day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
          day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
    if (kind < 70) {
      return published.minusMonths(random.nextInt(4)).toString().substring(0, 7);
    }
    if (kind < 76) {
      return published.getYear() + "-Q" + (1 + random.nextInt(4));
    }
    if (kind < 84) {
      return Integer.toString(published.getYear() - random.nextInt(5));
    }
    if (kind < 86) {
      return Integer.toString((published.getYear() - 10 * random.nextInt(5)) / 10);
    }
    if (kind < 95) {
      return "P" + (1 + random.nextInt(12)) + (random.nextBoolean() ? "M" : "Y");
    }
    return random.nextBoolean() ? "PRESENT_REF" : "PAST_REF";
  }
}
