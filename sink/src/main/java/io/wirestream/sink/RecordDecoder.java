package io.wirestream.sink;

import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.TemporalExpression;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a consumed value into an enriched article, or says why it cannot. Values arrive as bytes
 * and are decoded here, not in the consumer, because a deserializer failing inside poll() would
 * stall the partition on that record forever; here the record can go to the dead-letter topic.
 *
 * <p>Beyond what the JSON mapping checks, fields the store needs (entity text and type, date text
 * and type) are checked so that a malformed record is dead-lettered alone instead of failing a
 * whole database batch.
 */
final class RecordDecoder {

  private final Deserializer<EnrichedArticle> deserializer;

  RecordDecoder(Deserializer<EnrichedArticle> deserializer) {
    this.deserializer = deserializer;
  }

  EnrichedArticle decode(ConsumerRecord<String, byte[]> record) throws UnreadableRecordException {
    if (record.value() == null) {
      // Enrich never deletes; a tombstone here was produced by hand or by another tool.
      throw new UnreadableRecordException("record has no value (tombstone)", null);
    }
    EnrichedArticle article;
    try {
      article = deserializer.deserialize(record.topic(), record.headers(), record.value());
    } catch (RuntimeException e) {
      throw new UnreadableRecordException("deserialize: " + e.getMessage(), e);
    }
    if (article == null) {
      throw new UnreadableRecordException("deserialize: value is JSON null", null);
    }
    for (Entity entity : article.entities()) {
      require(entity.text() != null && entity.type() != null, "an entity without text or type");
    }
    for (CanonicalEntity entity : article.canonicalEntities()) {
      require(
          entity.name() != null && entity.type() != null,
          "a canonical entity without name or type");
    }
    for (TemporalExpression date : article.dates()) {
      require(date.text() != null && date.type() != null, "a date without text or type");
    }
    return article;
  }

  private static void require(boolean condition, String what) throws UnreadableRecordException {
    if (!condition) {
      throw new UnreadableRecordException("invalid: " + what, null);
    }
  }
}
