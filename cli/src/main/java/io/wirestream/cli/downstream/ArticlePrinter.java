package io.wirestream.cli.downstream;

import io.wirestream.cli.UsageException;
import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.serde.Json;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/**
 * How {@code tail} prints an article: a few readable lines, or the record's JSON (every field) on
 * one line.
 */
interface ArticlePrinter {

  void print(EnrichedArticle article);

  static ArticlePrinter of(String format, PrintWriter out) {
    return switch (format) {
      case "json" ->
          article -> {
            try {
              out.println(Json.MAPPER.writeValueAsString(article));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
              throw new IllegalStateException("cannot write article as JSON", e);
            }
          };
      case "text" -> article -> out.println(text(article));
      default -> throw new UsageException("--format is text or json, not " + format);
    };
  }

  private static String text(EnrichedArticle record) {
    String entities =
        record.canonicalEntities().stream()
            .map(ArticlePrinter::entity)
            .collect(Collectors.joining(", "));
    String dates =
        record.dates().stream().map(d -> d.value()).distinct().collect(Collectors.joining(", "));
    Integer revision = record.article().revision();
    return record.article().id()
        + "  v"
        + record.enrichment().version()
        + (revision == null ? "" : " r" + revision)
        + "  "
        + record.article().published()
        + "  "
        + (record.article().title() == null ? "" : record.article().title())
        + "\n    entities: "
        + entities
        + "\n    dates: "
        + dates
        + (record.duplicateOf() == null ? "" : "\n    duplicate of: " + record.duplicateOf())
        + (record.enrichment().skipped() == null
            ? ""
            : "\n    not analysed: " + record.enrichment().skipped());
  }

  private static String entity(CanonicalEntity entity) {
    return entity.name()
        + " ("
        + entity.type()
        + (entity.countryCode() == null ? "" : " " + entity.countryCode())
        + ")";
  }
}
