package io.wirestream.common.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
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
 *
 * <p>What the source said of the article is carried, never dropped, so that a user can trace a
 * record back to it: {@code sourceId} is the source's own id (a JSON {@code id}, a feed item's
 * GUID), {@code url} the link as the source gave it, {@code finalUrl} the address the page was read
 * from after redirects, {@code canonicalUrl} the page's own normalised name for itself (which the
 * id derives from when there is one), {@code authors}, {@code summary} (a feed's teaser when the
 * page gave the body), {@code dateline} and {@code pageProblem}: why the body is the feed's text
 * rather than the page's, when the page could not be fetched or held no text. All are optional.
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
    Integer revision,
    String sourceId,
    String finalUrl,
    String canonicalUrl,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> authors,
    String summary,
    String dateline,
    String pageProblem) {

  /** An article with only the fields every source gives, at {@code revision}. */
  public Article(
      String id,
      String source,
      String url,
      String title,
      String body,
      String published,
      Instant ingestedAt,
      String language,
      Integer revision) {
    this(
        id,
        source,
        url,
        title,
        body,
        published,
        ingestedAt,
        language,
        revision,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

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
    authors = authors == null ? List.of() : List.copyOf(authors);
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
    return toBuilder().ingestedAt(when).build();
  }

  /** This article as revision {@code n} (0 for the first version, which carries none). */
  public Article withRevision(int n) {
    return toBuilder().revision(n == 0 ? null : n).build();
  }

  /** A builder holding this article's fields, for making a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder of a new article. */
  public static Builder builder(String id, String source, String body, String published) {
    return new Builder(
        new Article(id, source, null, null, body, published, null, null, (Integer) null));
  }

  /** Copies of an article with some fields changed; the record's constructor checks the result. */
  public static final class Builder {
    private String id;
    private String source;
    private String url;
    private String title;
    private String body;
    private String published;
    private Instant ingestedAt;
    private String language;
    private Integer revision;
    private String sourceId;
    private String finalUrl;
    private String canonicalUrl;
    private List<String> authors;
    private String summary;
    private String dateline;
    private String pageProblem;

    private Builder(Article a) {
      id = a.id;
      source = a.source;
      url = a.url;
      title = a.title;
      body = a.body;
      published = a.published;
      ingestedAt = a.ingestedAt;
      language = a.language;
      revision = a.revision;
      sourceId = a.sourceId;
      finalUrl = a.finalUrl;
      canonicalUrl = a.canonicalUrl;
      authors = a.authors;
      summary = a.summary;
      dateline = a.dateline;
      pageProblem = a.pageProblem;
    }

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder source(String v) {
      source = v;
      return this;
    }

    public Builder url(String v) {
      url = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder body(String v) {
      body = v;
      return this;
    }

    public Builder published(String v) {
      published = v;
      return this;
    }

    public Builder ingestedAt(Instant v) {
      ingestedAt = v;
      return this;
    }

    public Builder language(String v) {
      language = v;
      return this;
    }

    public Builder revision(Integer v) {
      revision = v;
      return this;
    }

    public Builder sourceId(String v) {
      sourceId = v;
      return this;
    }

    public Builder finalUrl(String v) {
      finalUrl = v;
      return this;
    }

    public Builder canonicalUrl(String v) {
      canonicalUrl = v;
      return this;
    }

    public Builder authors(List<String> v) {
      authors = v;
      return this;
    }

    public Builder summary(String v) {
      summary = v;
      return this;
    }

    public Builder dateline(String v) {
      dateline = v;
      return this;
    }

    public Builder pageProblem(String v) {
      pageProblem = v;
      return this;
    }

    public Article build() {
      return new Article(
          id,
          source,
          url,
          title,
          body,
          published,
          ingestedAt,
          language,
          revision,
          sourceId,
          finalUrl,
          canonicalUrl,
          authors,
          summary,
          dateline,
          pageProblem);
    }
  }
}
