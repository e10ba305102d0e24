package io.wirestream.cli.backfill;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes articles to news.raw with chosen record timestamps, as ingest would have at that time. */
final class RawTopic {

  private RawTopic() {}

  static void create(WirestreamConfig config) throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, new Topics(config).specs());
    }
  }

  static void produce(WirestreamConfig config, List<Article> articles, Instant timestamp)
      throws Exception {
    Topics topics = new Topics(config);
    Properties props = config.kafkaProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, Article> producer =
        new KafkaProducer<>(
            props, topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer())) {
      for (Article article : articles) {
        producer
            .send(
                new ProducerRecord<>(
                    topics.raw().name(),
                    null,
                    timestamp.toEpochMilli(),
                    article.id(),
                    article.withIngestedAt(timestamp)))
            .get();
      }
    }
  }

  static Article article(String id) {
    return new Article(
        id,
        "test",
        null,
        "Story " + id,
        "Angela Merkel met Emmanuel Macron in Paris on Monday. Story " + id + " follows.",
        "2019-05-15",
        null,
        null);
  }
}
