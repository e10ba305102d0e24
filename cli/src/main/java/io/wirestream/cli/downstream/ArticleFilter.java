package io.wirestream.cli.downstream;

import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.time.TimexRange;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which enriched articles {@code wirestream tail} prints. Every criterion that is set must hold;
 * entity, type and country must hold for the same canonical entity ("a PERSON named X", "a LOCATION
 * in DE"). Mentioned dates match when the range a temporal value covers overlaps the asked one, so
 * {@code 1987-W09} is found by a query for 1987-03-01..1987-03-31.
 */
record ArticleFilter(
    String entity,
    EntityType type,
    String country,
    String language,
    LocalDate mentionsFrom,
    LocalDate mentionsTo)
    implements Predicate<EnrichedArticle> {

  @Override
  public boolean test(EnrichedArticle record) {
    if (language != null && !language.equalsIgnoreCase(record.article().language())) {
      return false;
    }
    if ((entity != null || type != null || country != null)
        && record.canonicalEntities().stream().noneMatch(this::matches)) {
      return false;
    }
    if (mentionsFrom != null || mentionsTo != null) {
      return record.dates().stream().anyMatch(this::mentionedInRange);
    }
    return true;
  }

  private boolean matches(CanonicalEntity candidate) {
    return (entity == null || entity.equalsIgnoreCase(candidate.name()))
        && (type == null || type == candidate.type())
        && (country == null || country.toUpperCase(Locale.ROOT).equals(candidate.countryCode()));
  }

  private boolean mentionedInRange(TemporalExpression date) {
    Optional<TimexRange> range = TimexRange.of(date.value());
    return range.isPresent() && range.get().overlaps(mentionsFrom, mentionsTo);
  }
}
