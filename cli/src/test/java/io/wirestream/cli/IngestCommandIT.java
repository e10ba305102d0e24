package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.topic.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wirestream ingest} against a real broker: files and a feed into news.raw. */
class IngestCommandIT {

  @TempDir Path dir;

  @Test
  void shouldPublishFilesAndFeedItemsKeyedByArticleIdAndReportBadRecords() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("a.txt"), "date 2017-04-12 Vladimir Putin spoke in Moscow.");
    Files.writeString(inbox.resolve("b.txt"), "no date header");
    Path feed = dir.resolve("feed.xml");
    Files.writeString(
        feed,
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Wire</title><language>en</language>
          <item><guid>w-1</guid><title>Talks</title><link>https://example.org/w-1</link>
            <pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>
            <description>&lt;p&gt;Rex Tillerson met Sergei Lavrov.&lt;/p&gt;</description></item>
        </channel></rss>
        """);

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = Wirestream.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));

      int exit =
          cli.execute(
              "ingest",
              "-b",
              broker.bootstrapServers(),
              "--once",
              "-D",
              "ingest.fetch.allow.file=true",
              // The item links to example.org, which a test does not ask.
              "-D",
              "ingest.fetch.pages=false",
              "--feed",
              feed.toUri().toString(),
              inbox.toString());

      assertThat(exit).as(err.toString()).isZero();
      assertThat(err.toString()).contains("b.txt:1: no 'date YYYY-MM-DD' header line");
      WirestreamConfig config =
          WirestreamConfig.load(
              null,
              java.util.Map.of(),
              java.util.Map.of("bootstrap.servers", broker.bootstrapServers()));
      List<ConsumerRecord<String, Article>> records =
          TopicReader.readCommitted(config, new Topics(config).raw(), 2, Duration.ofSeconds(30));
      assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().id()));
      assertThat(records)
          .extracting(r -> r.value().body())
          .containsExactlyInAnyOrder(
              "Vladimir Putin spoke in Moscow.", "Rex Tillerson met Sergei Lavrov.");
      assertThat(records).extracting(r -> r.value().url()).contains("https://example.org/w-1");
    }
  }
}
