package io.wirestream.common.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A news article as published on {@code news.raw}.
 *
 * <p>{@code published} keeps the form the source gave (a date, a local date-time or an offset
 * date-time) because narrowing it would throw away precision that the temporal tagger and
 * downstream users may want; {@link #publicationDate()} gives the calendar date everything is
 * normalised against.
 *
 * <p>{@code revision} counts the times a source changed the article after it was first published (a
 * corrected feed item under the same GUID): absent for the first version, 1 for the first
 * correction, and so on. Every revision keeps the article's id, and arrives on the id's partition
 * after the one before, so the store and the compacted enriched topic keep the newest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(
    String id,
    String source,
    String url,
    String title,
    String body,
    String published,
    Instant ingestedAt,
    String language,
    Integer revision) {

  /** The first version of an article (no revision). */
  public Article(
      String id,
      String source,
      String url,
      String title,
      String body,
      String published,
      Instant ingestedAt,
      String language) {
    this(id, source, url, title, body, published, ingestedAt, language, null);
  }

  public Article {
    Objects.requireNonNull(id, "article has no 'id'");
    Objects.requireNonNull(source, "article has no 'source'");
    Objects.requireNonNull(body, "article has no 'body'");
    Objects.requireNonNull(published, "article has no 'published' date");
  }

  /** The calendar date of publication, in the offset the source gave. */
  @JsonIgnore
  public LocalDate publicationDate() {
    return parsePublished(published);
  }

  /**
   * Parses a date, a local date-time or an offset date-time into its calendar date.
   *
   * @throws IllegalArgumentException if the text is none of those
   */
  public static LocalDate parsePublished(String published) {
    String text = published.trim();
    LocalDate date;
    try {
      if (text.length() == 10) {
        date = LocalDate.parse(text);
      } else if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        date = OffsetDateTime.parse(text).toLocalDate();
      } else {
        date = java.time.LocalDateTime.parse(text).toLocalDate();
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("unparseable publication date '" + published + "'", e);
    }
    // ISO 8601 spells years outside 0001-9999 with a sign and more digits, which most readers of
    // the topic and the store (SQL date types among them) cannot take back.
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new IllegalArgumentException(
          "publication date '" + published + "' is outside the years 0001-9999");
    }
    return date;
  }

  public Article withIngestedAt(Instant when) {
    return new Article(id, source, url, title, body, published, when, language, revision);
  }

  /** This article as revision {@code n} (0 for the first version, which carries none). */
  public Article withRevision(int n) {
    return new Article(
        id, source, url, title, body, published, ingestedAt, language, n == 0 ? null : n);
  }
}
