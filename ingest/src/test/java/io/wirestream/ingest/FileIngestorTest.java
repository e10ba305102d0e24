package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Article;
import io.wirestream.common.serde.JsonSerde;
import io.wirestream.ingest.format.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIngestorTest {

  @TempDir Path dir;

  private final MockProducer<String, Article> producer =
      new MockProducer<>(
          true, null, new StringSerializer(), new JsonSerde<>(Article.class).serializer());
  private final IngestStats stats = new IngestStats();
  private final List<ParseResult.Rejected> rejections = new ArrayList<>();
  private final ArticlePublisher publisher =
      new ArticlePublisher(
          producer,
          "news.raw",
          stats,
          Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void shouldPublishEveryArticleOfADirectoryKeyedByIdAndReportBadFiles() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "date 2017-04-12 First article.");
    Files.writeString(
        dir.resolve("b.jsonl"),
        "{\"id\":\"1\",\"published\":\"2017-04-12\",\"body\":\"Second.\"}\nnot json\n");
    Files.writeString(dir.resolve("c.txt"), "no header here");
    Files.writeString(dir.resolve(".hidden.txt"), "date 2017-04-12 Editor swap file.");

    new FileIngestor(List.of(dir), "files").pass(publisher, stats, rejections::add);

    assertThat(producer.history())
        .extracting(ProducerRecord::key)
        .doesNotHaveDuplicates()
        .hasSize(2);
    assertThat(producer.history()).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().id()));
    assertThat(producer.history())
        .extracting(r -> r.value().ingestedAt())
        .containsOnly(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(rejections)
        .extracting(ParseResult.Rejected::location)
        .containsExactly(dir.resolve("b.jsonl") + ":2", dir.resolve("c.txt") + ":1");
    assertThat(stats.read()).isEqualTo(2);
    assertThat(stats.published()).isEqualTo(2);
    assertThat(stats.rejected()).isEqualTo(2);
    assertThat(stats.files()).isEqualTo(3);
  }

  @Test
  void shouldReadOnlyNewOrChangedFilesOnLaterPasses() throws IOException {
    Path first = dir.resolve("a.txt");
    Files.writeString(first, "date 2017-04-12 First article.");
    FileIngestor ingestor = new FileIngestor(List.of(dir), "files");

    assertThat(ingestor.pass(publisher, stats, rejections::add)).isEqualTo(1);
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isZero();

    Files.writeString(dir.resolve("b.txt"), "date 2017-04-13 Second article.");
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isEqualTo(1);

    Files.writeString(first, "date 2017-04-12 First article, corrected.");
    Files.setLastModifiedTime(first, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isEqualTo(1);
    assertThat(producer.history()).hasSize(3);
  }
}
