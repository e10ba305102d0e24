package io.wirestream.ingest;

import io.wirestream.common.model.Article;
import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;

/** Opens the publisher's producer-taking constructor to tests in other packages. */
public final class TestPublishers {

  private TestPublishers() {}

  public static ArticlePublisher over(
      Producer<String, Article> producer, IngestStats stats, Clock clock) {
    return new ArticlePublisher(producer, "news.raw", stats, clock);
  }
}
