package io.wirestream.enrich.topology;

import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.enrich.nlp.Enricher;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a raw article, enriches it and forwards it to the enriched sink; forwards anything it
 * cannot parse or enrich, unchanged, to the dead-letter sink with the reason in headers.
 *
 * <p>Failures here are properties of the record (bad JSON, an impossible date, text that trips the
 * NLP), so retrying cannot help; broker and network failures happen in the Streams runtime, which
 * retries them, and never reach this code.
 */
final class EnrichProcessor implements Processor<String, byte[], String, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

  private final Deserializer<Article> articles;
  private final Supplier<Enricher> enrichers;
  private final boolean deadLetterOnError;
  private ProcessorContext<String, Object> context;
  private Enricher enricher;

  EnrichProcessor(
      Deserializer<Article> articles, Supplier<Enricher> enrichers, boolean deadLetterOnError) {
    this.articles = articles;
    this.enrichers = enrichers;
    this.deadLetterOnError = deadLetterOnError;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.enricher = enrichers.get();
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.value() == null) {
      // A tombstone on the raw topic deletes an article there; there is nothing to enrich.
      return;
    }
    String stage = "parse";
    try {
      Article article =
          articles.deserialize(
              context.recordMetadata().map(RecordMetadata::topic).orElse(null), record.value());
      if (article == null) {
        throw new IllegalArgumentException("empty record");
      }
      if (article.body().isBlank()) {
        throw new IllegalArgumentException("article " + article.id() + " has an empty body");
      }
      stage = "enrich";
      EnrichedArticle enriched = enricher.enrich(article);
      context.forward(
          record.withKey(article.id()).withValue(enriched), EnrichTopology.ENRICHED_SINK);
    } catch (RuntimeException e) {
      if (!deadLetterOnError) {
        throw new StreamsException("cannot " + stage + " record with key " + record.key(), e);
      }
      deadLetter(record, stage, e);
    }
  }

  private void deadLetter(Record<String, byte[]> record, String stage, RuntimeException e) {
    String reason = stage + ": " + describe(e);
    Record<String, Object> letter =
        new Record<>(record.key(), record.value(), record.timestamp(), record.headers());
    Headers headers = letter.headers();
    put(headers, DeadLetterHeaders.REASON, reason);
    put(headers, DeadLetterHeaders.EXCEPTION, e.getClass().getName());
    put(headers, DeadLetterHeaders.STAGE, stage);
    context
        .recordMetadata()
        .ifPresent(
            meta -> {
              put(headers, DeadLetterHeaders.SOURCE_TOPIC, meta.topic());
              put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(meta.partition()));
              put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(meta.offset()));
            });
    LOG.warn("dead-lettering record with key {}: {}", record.key(), reason);
    context.forward(letter, EnrichTopology.DEAD_LETTER_SINK);
  }

  /** The message, plus the first line of the innermost cause when it adds something. */
  private static String describe(Throwable e) {
    String text = String.valueOf(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail =
        root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    if (root != e && !detail.isEmpty() && !text.contains(detail)) {
      text += " (" + detail + ")";
    }
    return text;
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
