package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.ingest.format.InputLimits;
import io.wirestream.ingest.source.FileSource;
import io.wirestream.ingest.source.StdinSource;
import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestServiceTest {

  private static final InputLimits LIMITS = new InputLimits(1 << 20, 1 << 20);

  @TempDir Path dir;

  private final MockProducer<String, byte[]> producer = TestPublishers.acknowledging();
  private final IngestStats stats = new IngestStats();
  private final StringWriter err = new StringWriter();

  private IngestService service(List<ArticleSource> sources, boolean follow) {
    return new IngestService(
        sources,
        TestPublishers.over(producer, stats, Clock.systemUTC()),
        stats,
        new PrintWriter(err, true),
        follow,
        0);
  }

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldPublishFilesAndStandardInputAndDeadLetterWhatIsNoArticle() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("a.txt"), "date 2017-04-12 Vladimir Putin spoke in Moscow.");
    Files.writeString(inbox.resolve("b.txt"), "no date header");
    String lines =
        """
        {"id":"s-1","published":"2017-04-12","body":"Talks in Geneva."}
        {"id":"s-2","published":"2017-04-12"
        {"id":"s-3","published":"2017-04-13","body":"Talks ended."}
        """;
    try (IngestService service =
        service(
            List.of(
                new FileSource(List.of(inbox), "files", LIMITS, false, Duration.ofSeconds(1)),
                new StdinSource(
                    new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                    "stdin",
                    1 << 20)),
            false)) {
      service.run();
      assertThat(service.awaitDelivered(Duration.ofSeconds(10))).isTrue();
    }
    assertThat(TestPublishers.raw(producer))
        .extracting(r -> r.value().body())
        .containsExactlyInAnyOrder(
            "Vladimir Putin spoke in Moscow.", "Talks in Geneva.", "Talks ended.");
    List<ProducerRecord<String, byte[]>> letters = TestPublishers.deadLetters(producer);
    assertThat(letters).hasSize(2);
    assertThat(letters)
        .allSatisfy(
            letter -> {
              assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("ingest");
              assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC))
                  .isEqualTo(TestPublishers.TOPICS.raw().name());
            });
    assertThat(letters)
        .extracting(
            l ->
                header(l, DeadLetterHeaders.SOURCE_FILE)
                    + " "
                    + header(l, DeadLetterHeaders.SOURCE_LINE))
        .containsExactlyInAnyOrder(inbox.resolve("b.txt") + " 1", "- 2");
    assertThat(stats.read()).isEqualTo(3);
    assertThat(stats.rejected()).isEqualTo(2);
    assertThat(stats.rejectionsDeadLettered()).isEqualTo(2);
    assertThat(err.toString())
        .contains("rejected -:2: ")
        .contains("rejected " + inbox.resolve("b.txt"));
  }

  @Test
  void shouldPublishStandardInputLineByLineAndFinishAtItsEnd() throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(writer);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (IngestService service = service(List.of(new StdinSource(in, "stdin", 1 << 20)), false)) {
      Thread running =
          new Thread(
              () -> {
                try {
                  service.run();
                } catch (Throwable e) {
                  failure.set(e);
                }
              });
      running.start();
      writer.write(
          "{\"id\":\"p-1\",\"published\":\"2017-04-12\",\"body\":\"First.\"}\n"
              .getBytes(StandardCharsets.UTF_8));
      writer.flush();
      Eventually.until("one record is published", () -> TestPublishers.raw(producer).size() == 1);
      assertThat(service.running()).as("waits for the rest of the stream").isTrue();
      writer.close();
      running.join(10_000);
      assertThat(running.isAlive()).isFalse();
      assertThat(failure.get()).isNull();
    }
  }

  @Test
  void shouldReturnFromAFollowingRunWhenStopped() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    try (IngestService service =
        service(
            List.of(new FileSource(List.of(inbox), "files", LIMITS, true, Duration.ofMillis(100))),
            true)) {
      Thread running =
          new Thread(
              () -> {
                try {
                  service.run();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      running.start();
      Files.writeString(inbox.resolve("late.txt"), "date 2017-04-12 A late story.");
      Eventually.until("one record is published", () -> TestPublishers.raw(producer).size() == 1);
      service.stop();
      running.join(5_000);
      assertThat(running.isAlive()).isFalse();
    }
  }
}
