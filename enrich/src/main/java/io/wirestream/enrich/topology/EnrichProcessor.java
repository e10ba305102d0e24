package io.wirestream.enrich.topology;

import io.wirestream.common.dlq.ErrorSummary;
import io.wirestream.common.dlq.Stage;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.RecordHeaders;
import io.wirestream.enrich.nlp.Enricher;
import io.wirestream.enrich.nlp.lang.LanguageGate;
import io.wirestream.enrich.topology.FailedSends.Failure;
import io.wirestream.enrich.topology.Letters.Letter;
import io.wirestream.enrich.topology.Letters.Source;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a raw article, enriches it and forwards it, serialized, to the enriched sink; forwards
 * anything it cannot parse, enrich or send, unchanged, to the dead-letter sink with the reason in
 * headers.
 *
 * <p>Failures here are properties of the record (bad JSON, an impossible date, text that trips the
 * NLP, an enrichment too large to send), so retrying cannot help; broker and network failures
 * happen in the Streams runtime, which retries them, and never reach this code. The output is
 * serialized here rather than in the sink so that its size can be checked against what the producer
 * accepts: a refused send would abort the transaction and fail again on every retry.
 */
final class EnrichProcessor implements Processor<String, byte[], String, byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

  private final Deserializer<Article> articles;
  private final Serializer<EnrichedArticle> enrichedSerializer;
  private final String enrichedTopic;
  private final Supplier<Enricher> enrichers;
  private final boolean deadLetterOnError;
  private final SendLimit limit;
  private final FailedSends failedSends;
  private final ReplayFilter filter;
  private final int version;
  private final EnrichMeters meters;
  private ProcessorContext<String, byte[]> context;
  private Enricher enricher;

  EnrichProcessor(
      Deserializer<Article> articles,
      Serializer<EnrichedArticle> enrichedSerializer,
      String enrichedTopic,
      Supplier<Enricher> enrichers,
      boolean deadLetterOnError,
      SendLimit limit,
      FailedSends failedSends,
      ReplayFilter filter,
      int version,
      EnrichMeters meters) {
    this.articles = articles;
    this.enrichedSerializer = enrichedSerializer;
    this.enrichedTopic = enrichedTopic;
    this.enrichers = enrichers;
    this.deadLetterOnError = deadLetterOnError;
    this.limit = limit;
    this.failedSends = failedSends;
    this.filter = filter;
    this.version = version;
    this.meters = meters;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.enricher = enrichers.get();
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.value() == null) {
      // A tombstone on the raw topic deletes an article there; there is nothing to enrich.
      return;
    }
    Source source =
        context
            .recordMetadata()
            .map(meta -> new Source(meta.topic(), meta.partition(), meta.offset()))
            .orElse(null);
    if (source != null && !filter.acceptsPosition(source.partition(), source.offset())) {
      return;
    }
    meters.in();
    Optional<Failure> refused =
        source == null || record.key() == null
            ? Optional.empty()
            : failedSends.take(source.topic(), source.partition(), record.key());
    if (refused.isPresent()) {
      Failure failure = refused.get();
      deadLetter(
          record,
          source,
          Stage.PRODUCE,
          failure.reason(),
          failure.exception(),
          failure.letterRefused());
      return;
    }
    Stage stage = Stage.PARSE;
    String id;
    byte[] value;
    int enrichmentVersion;
    boolean skipped;
    boolean overruled;
    try {
      Article article =
          articles.deserialize(source == null ? null : source.topic(), record.value());
      if (article == null) {
        throw new IllegalArgumentException("empty record");
      }
      if (article.body().isBlank()) {
        throw new IllegalArgumentException("article " + article.id() + " has an empty body");
      }
      if (!filter.acceptsPublished(article)) {
        return;
      }
      stage = Stage.ENRICH;
      long started = System.nanoTime();
      EnrichedArticle enriched =
          enricher.enrich(article, tokens -> meters.enriched(System.nanoTime() - started, tokens));
      enrichmentVersion = enriched.enrichment().version();
      skipped = enriched.enrichment().skipped() != null;
      overruled = LanguageGate.overrules(article.language(), enriched.enrichment().language());
      stage = Stage.SERIALIZE;
      id = article.id();
      value = enrichedSerializer.serialize(enrichedTopic, enriched);
      long size = SendLimit.size(Letters.utf8(article.id()), value, record.headers());
      if (!limit.fits(size)) {
        throw new RecordTooLargeException(
            "enriched record of "
                + size
                + " bytes exceeds the "
                + limit.usableBytes()
                + " bytes the producer may send (max.request.size "
                + limit.maxRequestBytes()
                + " less overhead)");
      }
    } catch (RuntimeException e) {
      if (!deadLetterOnError) {
        throw new StreamsException(
            "cannot " + stage.label() + " record with key " + ErrorSummary.bound(record.key()), e);
      }
      deadLetter(
          record, source, stage, ErrorSummary.of(stage.label(), e), e.getClass().getName(), false);
      return;
    }
    // Outside the try: a fenced producer or a migrated task fails the send, which says nothing
    // about this record; Streams aborts the transaction and the record is processed again.
    context.forward(
        record
            .withKey(id)
            .withValue(value)
            .withHeaders(RecordHeaders.enriched(record.headers(), enrichmentVersion)),
        EnrichTopology.ENRICHED_SINK);
    meters.out();
    if (skipped) {
      meters.skippedForLanguage();
    }
    if (overruled) {
      meters.languageOverruled();
    }
  }

  private void deadLetter(
      Record<String, byte[]> record,
      Source source,
      Stage stage,
      String reason,
      String exception,
      boolean omitValue) {
    Letter letter =
        Letters.build(
            Letters.utf8(record.key()),
            record.value(),
            record.headers(),
            source,
            stage,
            reason,
            exception,
            limit,
            omitValue,
            new Letters.Origin(context.applicationId(), version));
    LOG.warn(
        "dead-lettering {} (key {}){}: {}",
        source == null
            ? "a record"
            : source.topic() + "-" + source.partition() + "@" + source.offset(),
        ErrorSummary.bound(record.key()),
        letter.value() == null ? " without its value" : "",
        ErrorSummary.bound(reason));
    context.forward(
        new Record<>(record.key(), letter.value(), record.timestamp(), letter.headers()),
        EnrichTopology.DEAD_LETTER_SINK);
    meters.deadLettered(stage);
  }
}
