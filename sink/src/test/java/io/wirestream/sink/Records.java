package io.wirestream.sink;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Consumer records of the enriched topic, as the sink's consumer would return them. */
final class Records {

  static final Topics TOPICS = new Topics(WirestreamConfig.defaults());
  static final String TOPIC = TOPICS.enriched().name();

  private Records() {}

  static ConsumerRecord<String, byte[]> enriched(
      int partition, long offset, EnrichedArticle value) {
    byte[] bytes = TOPICS.enriched().valueSerde().serializer().serialize(TOPIC, value);
    return raw(partition, offset, value.article().id(), bytes);
  }

  static ConsumerRecord<String, byte[]> text(int partition, long offset, String key, String value) {
    return raw(
        partition, offset, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  static ConsumerRecord<String, byte[]> raw(int partition, long offset, String key, byte[] value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", ("t-" + offset).getBytes(StandardCharsets.UTF_8));
    return new ConsumerRecord<>(
        TOPIC,
        partition,
        offset,
        0L,
        TimestampType.CREATE_TIME,
        -1,
        -1,
        key,
        value,
        headers,
        Optional.of(7));
  }

  @SafeVarargs
  static ConsumerRecords<String, byte[]> batch(ConsumerRecord<String, byte[]>... records) {
    Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      byPartition
          .computeIfAbsent(
              new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
          .add(record);
    }
    return new ConsumerRecords<>(byPartition, Map.of());
  }

  static TopicPartition partition(int number) {
    return new TopicPartition(TOPIC, number);
  }
}
