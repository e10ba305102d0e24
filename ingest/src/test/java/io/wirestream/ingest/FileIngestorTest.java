package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.format.InputLimits;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.state.ContentHash;
import io.wirestream.ingest.state.FeedMark;
import io.wirestream.ingest.state.FileMark;
import io.wirestream.ingest.state.IngestState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIngestorTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final InputLimits LIMITS = new InputLimits(1 << 20, 1 << 20);

  @TempDir Path dir;

  private MockProducer<String, byte[]> producer = TestPublishers.acknowledging();
  private final IngestStats stats = new IngestStats();
  private final List<ParseResult.Rejected> rejections = new ArrayList<>();
  private ArticlePublisher publisher = TestPublishers.over(producer, stats, CLOCK);

  @AfterEach
  void close() {
    publisher.close();
  }

  private void useManualProducer(RetryPolicy retry) {
    publisher.close();
    producer = TestPublishers.manual();
    publisher = TestPublishers.over(producer, stats, CLOCK, retry, 1 << 20);
  }

  @Test
  void shouldPublishEveryArticleOfADirectoryKeyedByIdAndReportBadFiles() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "date 2017-04-12 First article.");
    Files.writeString(
        dir.resolve("b.jsonl"),
        "{\"id\":\"1\",\"published\":\"2017-04-12\",\"body\":\"Second.\"}\nnot json\n");
    Files.writeString(dir.resolve("c.txt"), "no header here");
    Files.writeString(dir.resolve(".hidden.txt"), "date 2017-04-12 Editor swap file.");

    new FileIngestor(List.of(dir), "files", LIMITS).pass(publisher, stats, rejections::add);

    List<ProducerRecord<String, io.wirestream.common.model.Article>> sent =
        TestPublishers.raw(producer);
    assertThat(sent).extracting(ProducerRecord::key).doesNotHaveDuplicates().hasSize(2);
    assertThat(sent).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().id()));
    assertThat(sent)
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
    FileIngestor ingestor = new FileIngestor(List.of(dir), "files", LIMITS);

    assertThat(ingestor.pass(publisher, stats, rejections::add)).isEqualTo(1);
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isZero();

    Files.writeString(dir.resolve("b.txt"), "date 2017-04-13 Second article.");
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isEqualTo(1);

    Files.writeString(first, "date 2017-04-12 First article, corrected.");
    Files.setLastModifiedTime(first, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isEqualTo(1);
    assertThat(producer.history()).hasSize(3);
  }

  @Test
  void shouldNeitherMarkDoneNorReadAgainAFileWhoseArticlesAreStillUnacknowledged()
      throws Exception {
    useManualProducer(TestPublishers.FAST_RETRY);
    Files.writeString(dir.resolve("a.txt"), "date 2017-04-12 First article.");
    FileIngestor ingestor = new FileIngestor(List.of(dir), "files", LIMITS);

    assertThat(ingestor.pass(publisher, stats, rejections::add)).isEqualTo(1);
    assertThat(ingestor.filesInFlight()).isEqualTo(1);
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isZero();
    assertThat(producer.history()).hasSize(1);

    producer.completeNext();

    assertThat(ingestor.filesInFlight()).isZero();
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isZero();
    assertThat(stats.published()).isEqualTo(1);
  }

  @Test
  void shouldReadAFileAgainWhenSomeOfItsArticlesCouldNotBeDelivered() throws Exception {
    useManualProducer(
        new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(2)));
    Files.writeString(
        dir.resolve("a.jsonl"),
        "{\"id\":\"1\",\"published\":\"2017-04-12\",\"body\":\"One.\"}\n"
            + "{\"id\":\"2\",\"published\":\"2017-04-12\",\"body\":\"Two.\"}\n");
    FileIngestor ingestor = new FileIngestor(List.of(dir), "files", LIMITS);
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isEqualTo(1);

    producer.completeNext();
    producer.errorNext(new TimeoutException("broker gone"));
    Eventually.until("the re-send", () -> producer.history().size() == 3);
    Thread.sleep(2_100);
    producer.errorNext(new TimeoutException("broker still gone"));

    assertThat(stats.failed()).isEqualTo(1);
    assertThat(ingestor.filesInFlight()).isZero();
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isEqualTo(1);
    producer.completeNext();
    producer.completeNext();
    assertThat(ingestor.pass(publisher, stats, rejections::add)).isZero();
    assertThat(TestPublishers.raw(producer))
        .extracting(ProducerRecord::key)
        .containsExactly(
            TestPublishers.raw(producer).get(0).key(),
            TestPublishers.raw(producer).get(1).key(),
            TestPublishers.raw(producer).get(1).key(),
            TestPublishers.raw(producer).get(0).key(),
            TestPublishers.raw(producer).get(1).key());
  }

  @Test
  void shouldRejectAnOverLongLineAndAnOversizedSeedFileAndReadTheRest() throws IOException {
    InputLimits small = new InputLimits(1024, 1024);
    Files.writeString(
        dir.resolve("a.jsonl"),
        "{\"id\":\"1\",\"published\":\"2017-04-12\",\"body\":\""
            + "x".repeat(5000)
            + "\"}\n"
            + "{\"id\":\"2\",\"published\":\"2017-04-12\",\"body\":\"Short.\"}\n");
    Files.writeString(dir.resolve("b.txt"), "date 2017-04-12 " + "y".repeat(5000));
    Files.writeString(dir.resolve("c.txt"), "date 2017-04-12 Fits.");

    new FileIngestor(List.of(dir), "files", small).pass(publisher, stats, rejections::add);

    assertThat(rejections)
        .extracting(ParseResult.Rejected::toString)
        .containsExactly(
            dir.resolve("a.jsonl") + ":1: line longer than 1024 bytes (ingest.max.line.bytes)",
            dir.resolve("b.txt") + ":1: file larger than 1024 bytes (ingest.max.file.bytes)");
    assertThat(TestPublishers.raw(producer))
        .extracting(r -> r.value().body())
        .containsExactly("Short.", "Fits.");
  }

  @Test
  void shouldRejectAnArticleLargerThanTheProducerMaySendAndGoOn() throws IOException {
    publisher.close();
    producer = TestPublishers.acknowledging();
    publisher = TestPublishers.over(producer, stats, CLOCK, TestPublishers.FAST_RETRY, 2048);
    Files.writeString(dir.resolve("a.txt"), "date 2017-04-12 " + "z".repeat(4000));
    Files.writeString(dir.resolve("b.txt"), "date 2017-04-12 Small.");

    new FileIngestor(List.of(dir), "files", LIMITS).pass(publisher, stats, rejections::add);

    assertThat(rejections)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.location()).isEqualTo(dir.resolve("a.txt") + ":1");
              assertThat(r.reason()).contains("larger than the producer may send");
            });
    assertThat(stats.rejected()).isEqualTo(1);
    assertThat(TestPublishers.raw(producer)).hasSize(1);
  }

  @Test
  void shouldSkipAcrossRestartsWhatTheStateHasDeliveredEvenIfTouched() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "date 2017-04-12 First article.");
    Files.writeString(dir.resolve("b.txt"), "date 2017-04-12 Second article.");
    IngestState state = IngestState.inMemory();
    new FileIngestor(List.of(dir), "files", LIMITS, state).pass(publisher, stats, rejections::add);
    assertThat(state.file(dir.resolve("a.txt").toAbsolutePath().toString()))
        .hasValueSatisfying(mark -> assertThat(mark.size()).isEqualTo(30));

    Files.setLastModifiedTime(dir.resolve("a.txt"), FileTime.from(Instant.now().plusSeconds(60)));
    Files.writeString(dir.resolve("b.txt"), "date 2017-04-12 Second article, corrected.");
    int read =
        new FileIngestor(List.of(dir), "files", LIMITS, state)
            .pass(publisher, stats, rejections::add);

    assertThat(read).as("only the changed file is read by the new ingestor").isEqualTo(1);
    assertThat(TestPublishers.raw(producer))
        .extracting(r -> r.value().body())
        .containsExactly("First article.", "Second article.", "Second article, corrected.");
  }

  private void useTransactions(Duration commitInterval) {
    publisher.close();
    producer = TestPublishers.acknowledging();
    publisher = TestPublishers.transactional(producer, stats, CLOCK, commitInterval);
  }

  private static String lines(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      text.append("{\"id\":\"").append(i).append("\",\"published\":\"2017-04-12\",");
      text.append("\"body\":\"Story ").append(i).append(".\"}\n");
    }
    return text.toString();
  }

  /** Every mark put, in order, over an in-memory state. */
  private static final class RecordingState implements IngestState {
    final IngestState inner = IngestState.inMemory();
    final List<FileMark> files = new ArrayList<>();

    @Override
    public java.util.Optional<FileMark> file(String path) {
      return inner.file(path);
    }

    @Override
    public void put(FileMark mark) {
      files.add(mark);
      inner.put(mark);
    }

    @Override
    public java.util.Optional<FeedMark> feed(String url) {
      return inner.feed(url);
    }

    @Override
    public void put(FeedMark mark) {
      inner.put(mark);
    }

    @Override
    public void close() {}
  }

  @Test
  void shouldGoOnAfterTheRecordsAnInterruptedRunCommittedWhenTheFileIsUnchanged()
      throws IOException {
    Path file = Files.writeString(dir.resolve("a.jsonl"), lines(3));
    IngestState state = IngestState.inMemory();
    String key = file.toAbsolutePath().normalize().toString();
    state.put(
        new FileMark(
            key,
            Files.size(file),
            Files.getLastModifiedTime(file).toMillis(),
            ContentHash.of(file),
            2L,
            true));
    useTransactions(Duration.ofDays(1));

    new FileIngestor(List.of(file), "files", LIMITS, state).pass(publisher, stats, rejections::add);
    publisher.commitNow();

    assertThat(TestPublishers.raw(producer))
        .extracting(r -> r.value().body())
        .containsExactly("Story 3.");
    assertThat(state.file(key)).hasValueSatisfying(mark -> assertThat(mark.done()).isTrue());
  }

  @Test
  void shouldReadAWholeFileAgainWhenItChangedSinceTheInterruptedRun() throws IOException {
    Path file = Files.writeString(dir.resolve("a.jsonl"), lines(3));
    IngestState state = IngestState.inMemory();
    String key = file.toAbsolutePath().normalize().toString();
    state.put(new FileMark(key, Files.size(file), 0, "0".repeat(64), 2L, true));
    useTransactions(Duration.ofDays(1));

    new FileIngestor(List.of(file), "files", LIMITS, state).pass(publisher, stats, rejections::add);
    publisher.commitNow();

    assertThat(TestPublishers.raw(producer)).hasSize(3);
  }

  @Test
  void shouldCommitWithEachTransactionHowManyRecordsOfTheFileAreHandedOver() throws IOException {
    Path file = Files.writeString(dir.resolve("a.jsonl"), lines(3));
    RecordingState state = new RecordingState();
    // Every send commits what came before it.
    useTransactions(Duration.ZERO);

    new FileIngestor(List.of(file), "files", LIMITS, state).pass(publisher, stats, rejections::add);
    publisher.commitNow();

    assertThat(state.files).extracting(FileMark::records).startsWith(1L, 2L, 3L);
    assertThat(state.files).extracting(FileMark::reading).startsWith(true, true, null);
    // Each commit holds the articles before it and the mark that counts them, nothing else.
    assertThat(producer.commitCount()).isEqualTo(3);
    assertThat(TestPublishers.raw(producer)).hasSize(3);
  }

  @Test
  void shouldReadOnlyTheLinesAppendedToAJsonLinesFileThatWasDone() throws IOException {
    Path file = Files.writeString(dir.resolve("a.jsonl"), lines(2));
    IngestState state = IngestState.inMemory();
    useTransactions(Duration.ofDays(1));
    FileIngestor ingestor = new FileIngestor(List.of(file), "files", LIMITS, state);
    ingestor.pass(publisher, stats, rejections::add);
    publisher.commitNow();

    Files.writeString(file, lines(3));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    new FileIngestor(List.of(file), "files", LIMITS, state).pass(publisher, stats, rejections::add);
    publisher.commitNow();

    assertThat(TestPublishers.raw(producer))
        .extracting(r -> r.value().body())
        .containsExactly("Story 1.", "Story 2.", "Story 3.");
  }

  @Test
  void shouldReadAWholeFileAgainWhenItsEarlierLinesChanged() throws IOException {
    Path file = Files.writeString(dir.resolve("a.jsonl"), lines(2));
    IngestState state = IngestState.inMemory();
    useTransactions(Duration.ofDays(1));
    new FileIngestor(List.of(file), "files", LIMITS, state).pass(publisher, stats, rejections::add);
    publisher.commitNow();

    Files.writeString(file, lines(3).replace("Story 1.", "Story one."));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    new FileIngestor(List.of(file), "files", LIMITS, state).pass(publisher, stats, rejections::add);
    publisher.commitNow();

    assertThat(TestPublishers.raw(producer)).hasSize(5);
  }
}
