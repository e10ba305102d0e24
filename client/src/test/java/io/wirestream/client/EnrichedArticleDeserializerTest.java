package io.wirestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Enrichment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichedArticleDeserializerTest {

  @Test
  void readsAnEnrichedArticleWrittenByTheSerde() {
    EnrichedArticle article = SampleArticles.merkel("a1", 3, Instant.EPOCH);
    EnrichedArticle read =
        new EnrichedArticleDeserializer(BadRecordHandler.IGNORE)
            .deserialize("t", SampleArticles.json(article));
    assertThat(read).isEqualTo(article);
  }

  @Test
  void readsEveryFieldTheSourceAndEnrichmentGave() {
    EnrichedArticle merkel = SampleArticles.merkel("a1", 3, Instant.EPOCH);
    EnrichedArticle article =
        new EnrichedArticle(
            merkel.article().toBuilder()
                .revision(2)
                .sourceId("guid-1")
                .finalUrl("https://www.example.org/a1")
                .canonicalUrl("https://example.org/a1")
                .authors(List.of("A. Writer"))
                .summary("Merkel speaks.")
                .dateline("BERLIN, April 12")
                .pageProblem("page held no text")
                .build(),
            merkel.entities(),
            merkel.canonicalEntities(),
            merkel.dates(),
            new Enrichment(3, Map.of(), Instant.EPOCH, null, "de", "duplicate"),
            List.of(),
            "b2");

    EnrichedArticle read =
        new EnrichedArticleDeserializer(BadRecordHandler.IGNORE)
            .deserialize("t", SampleArticles.json(article));

    assertThat(read).isEqualTo(article);
    assertThat(Schemas.text(Schemas.ENRICHED)).contains("\"duplicateOf\"", "\"skipped\"");
    assertThat(Schemas.text(Schemas.RAW)).contains("\"sourceId\"", "\"authors\"");
  }

  @Test
  void aHigherRevisionIsNewerAtOneVersionWhenProcessedEarlierButNotAcrossVersions() {
    EnrichedArticle merkel = SampleArticles.merkel("a1", 3, Instant.EPOCH.plusSeconds(60));
    EnrichedArticle correction =
        new EnrichedArticle(
            merkel.article().withRevision(2),
            merkel.entities(),
            merkel.canonicalEntities(),
            merkel.dates(),
            SampleArticles.merkel("a1", 3, Instant.EPOCH).enrichment());

    assertThat(Newest.isNewer(correction, Newest.Mark.of(merkel))).isTrue();
    assertThat(Newest.isNewer(merkel, Newest.Mark.of(correction))).isFalse();
    assertThat(
            Newest.isNewer(
                SampleArticles.merkel("a1", 4, Instant.EPOCH), Newest.Mark.of(correction)))
        .isTrue();
  }

  @Test
  void badBytesAreReportedAndReturnNullEvenWhenTheHandlerThrows() {
    List<Exception> errors = new ArrayList<>();
    EnrichedArticleDeserializer deserializer =
        new EnrichedArticleDeserializer(
            (topic, bytes, error) -> {
              errors.add(error);
              throw new IllegalStateException("handler broke");
            });

    assertThat(deserializer.deserialize("t", "\u0000\u0001".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    assertThat(deserializer.deserialize("t", "{\"article\":{}}".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    assertThat(errors).hasSize(2);
  }

  @Test
  void aTombstoneIsNullWithoutAReport() {
    List<Exception> errors = new ArrayList<>();
    assertThat(new EnrichedArticleDeserializer((t, b, e) -> errors.add(e)).deserialize("t", null))
        .isNull();
    assertThat(errors).isEmpty();
  }

  @Test
  void theSchemasShipInTheJar() {
    assertThat(Schemas.text(Schemas.ENRICHED)).contains("\"$id\"");
    assertThat(Schemas.text(Schemas.RAW)).contains("\"$id\"");
  }
}
