package io.wirestream.client;

import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.serde.Json;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@code news.enriched} values. Unlike a plain JSON deserializer it never throws: bytes that
 * are not an enriched article go to the {@link BadRecordHandler} and come back as null, so a
 * consumer's poll loop survives a poison record instead of failing on it forever. A null value (a
 * compaction tombstone) is null without a report.
 */
public final class EnrichedArticleDeserializer implements Deserializer<EnrichedArticle> {

  private final BadRecordHandler onBadRecord;

  public EnrichedArticleDeserializer(BadRecordHandler onBadRecord) {
    this.onBadRecord = Objects.requireNonNull(onBadRecord, "onBadRecord");
  }

  @Override
  public EnrichedArticle deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(bytes, EnrichedArticle.class);
    } catch (Exception e) {
      try {
        onBadRecord.onBadRecord(topic, bytes, e);
      } catch (RuntimeException handlerFailure) {
        // A throwing handler would bring back exactly the stuck consumer this class exists to
        // avoid; its failure is attached to the original error instead.
        e.addSuppressed(handlerFailure);
      }
      return null;
    }
  }
}
