package io.wirestream.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.sink.store.ArticleStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check end to end over a real SQLite store, a log file and hand-made dead letters. */
class HostileCheckTest {

  @TempDir Path tmp;

  private static ManifestEntry entry(
      String file, int line, String kind, String id, String title, String body, String... expect) {
    return new ManifestEntry(
        file,
        line,
        kind,
        "v",
        1,
        id == null ? List.of() : List.of(id),
        Set.of(expect),
        body == null ? List.of() : List.of(TextHash.of(body)),
        title == null ? List.of() : List.of(TextHash.of(title)));
  }

  private String store() throws Exception {
    String url = "jdbc:sqlite:" + tmp.resolve("store.db");
    ArticleStore.open(url).close();
    return url;
  }

  private static void insert(
      String url, String id, String title, String body, Instant ingested, Instant processed)
      throws Exception {
    try (Connection db = DriverManager.getConnection(url);
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO articles (id, source, title, body, published, ingested_at, enrichment_version, processed_at, models)"
                    + " VALUES (?, 's', ?, ?, '2020-01-01', ?, 1, ?, '{}')")) {
      insert.setString(1, id);
      insert.setString(2, title);
      insert.setString(3, body);
      insert.setString(4, ingested == null ? null : ingested.toString());
      insert.setString(5, processed == null ? null : processed.toString());
      insert.executeUpdate();
    }
  }

  @Test
  void classifiesAHandMadeStoreLogAndDeadLetterTopic() throws Exception {
    String url = store();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    insert(url, "ok", "T", "stored as written", t0, t0.plusMillis(500));
    insert(url, "changed", "T", "stored with a ? for a lone surrogate", t0, t0.plusMillis(700));
    insert(url, "c1", "Control", "control one", t0, t0.plusSeconds(1));
    insert(url, "c2", "Control", "control two", t0.plusSeconds(1), t0.plusSeconds(2));
    Path log = tmp.resolve("ingest.log");
    Files.write(
        log,
        List.of(
            "wirestream demo: in-process Kafka broker at 127.0.0.1:1234",
            "rejected /data/in/h.jsonl:1: broken JSON: Unexpected character",
            "rejected /data/in/h.jsonl:2: ",
            "rejected /data/in/manifest.jsonl:9: empty body",
            "[main] WARN something else"),
        StandardCharsets.UTF_8);
    List<DeadLetterRecords.Letter> letters = new ArrayList<>();
    letters.add(
        new DeadLetterRecords.Letter(
            "big".getBytes(StandardCharsets.UTF_8),
            new byte[] {1},
            Map.of(
                "wirestream.dlq.reason",
                "enrich: record too large".getBytes(StandardCharsets.UTF_8),
                "wirestream.dlq.stage",
                "enrich".getBytes(StandardCharsets.UTF_8))));
    // No key: found by the enriched record's article id.
    letters.add(
        new DeadLetterRecords.Letter(
            null, "{\"article\":{\"id\":\"quiet\"}}".getBytes(StandardCharsets.UTF_8), Map.of()));

    List<ManifestEntry> manifest =
        List.of(
            entry("h.jsonl", 1, "broken-json", null, null, null, "rejected"),
            entry("h.jsonl", 2, "broken-json", null, null, null, "rejected"),
            entry("h.jsonl", 3, "sql-injection", "ok", "T", "stored as written", "stored-verbatim"),
            entry(
                "h.jsonl",
                4,
                "lone-surrogate",
                "changed",
                "T",
                "stored with a \ud800 for a lone surrogate",
                "stored-verbatim",
                "rejected"),
            entry(
                "h.jsonl",
                5,
                "body-10mb",
                "big",
                "T",
                "x",
                "dead-lettered",
                "stored-verbatim",
                "rejected"),
            entry("h.jsonl", 6, "nul-bytes", "quiet", "T", "x", "dead-lettered"),
            entry(
                "h.jsonl",
                7,
                "line-100mb",
                "lost",
                "T",
                "x",
                "dead-lettered",
                "stored-verbatim",
                "rejected"),
            entry("c.jsonl", 1, "control", "c1", "Control", "control one", "stored-verbatim"),
            entry("c.jsonl", 2, "control", "c2", "Control", "control two", "stored-verbatim"));

    Observations seen =
        new Observations(
            StoreRows.read(url),
            DeadLetterRecords.index(letters),
            IngestLog.rejections(Files.readAllLines(log)));
    List<Verdict> verdicts = Classifier.classify(manifest, seen);

    assertThat(verdicts)
        .extracting(Verdict::outcome)
        .containsExactly(
            "rejected",
            "rejected",
            "stored-verbatim",
            "stored-verbatim",
            "dead-lettered",
            "dead-lettered",
            Verdict.MISSING,
            "stored-verbatim",
            "stored-verbatim");
    assertThat(verdicts)
        .extracting(Verdict::violation)
        .containsExactly(
            null,
            "rejected without a reason",
            null,
            "stored altered: body",
            null,
            "dead-lettered without a reason",
            "missing: neither rejected, dead-lettered nor stored",
            null,
            null);

    ControlThroughput throughput = ControlThroughput.of(manifest, seen.stored()).orElseThrow();
    assertThat(throughput.timed()).isEqualTo(2);
    assertThat(throughput.window()).isEqualTo(Duration.ofSeconds(2));
    assertThat(throughput.perSecond()).isEqualTo(1.0);
    assertThat(throughput.max()).isEqualTo(Duration.ofSeconds(1));
    assertThat(throughput.enrichedPerSecond()).isEqualTo(1.0);
    // c.jsonl holds only controls, so both queue behind every hostile input.
    assertThat(ControlThroughput.ofQueuedBehind(manifest, seen.stored()).orElseThrow().timed())
        .isEqualTo(2);

    String report = CheckReport.markdown(verdicts, ControlThroughput.of(manifest, seen.stored()));
    assertThat(report)
        .contains("| broken-json | 2 | 2 | 0 | 0 | 0 | 1 |")
        .contains("| control | 2 | 0 | 0 | 2 | 0 | 0 |")
        .contains("| **total** | 9 | 2 | 2 | 4 | 1 | 4 |")
        .contains("**lone-surrogate**\n- stored altered: body: 1\n  - `h.jsonl:4` v")
        .contains("2 of 2 timed, 1.0 articles/s over 2.00 s, enriched at 1.0 articles/s")
        .contains("Result: FAIL, 4 violations");
    assertThat(HostileCheck.unmatched(manifest, seen)).isEmpty();
  }

  @Test
  void runWithoutABrokerReadsStoreAndLogAndSaysTheTopicWasSkipped() throws Exception {
    String url = store();
    insert(url, "ok", "T", "b", null, null);
    Path log = tmp.resolve("ingest.log");
    Files.writeString(log, "rejected in/h.jsonl:1: empty body\n");
    List<ManifestEntry> manifest =
        List.of(
            entry("h.jsonl", 1, "empty-body", null, null, null, "rejected"),
            entry("h.jsonl", 2, "rtl-zero-width", "ok", "T", "b", "stored-verbatim"));
    HostileCheck.Result result =
        HostileCheck.run(
            manifest, new HostileCheck.Sources(url, null, "news.dlq", log), Duration.ZERO);
    assertThat(result.violations()).isZero();
    assertThat(result.report()).contains("Result: PASS").contains("dead-letter topic not read");
  }

  @Test
  void anUnreadableStoreMakesEveryStoredInputMissing() throws Exception {
    List<ManifestEntry> manifest =
        List.of(entry("h.jsonl", 1, "control", "c", "T", "b", "stored-verbatim"));
    HostileCheck.Result result =
        HostileCheck.run(
            manifest,
            new HostileCheck.Sources(
                "jdbc:sqlite:" + tmp.resolve("no/such/dir/x.db"), null, "news.dlq", null),
            Duration.ZERO);
    assertThat(result.violations()).isEqualTo(1);
    assertThat(result.report()).contains("the store could not be read");
  }

  @Test
  void logLinesNameTheFileWithoutItsFolderAndKeepEmptyReasons() {
    Map<String, List<String>> r =
        IngestLog.rejections(
            List.of(
                "rejected /a/b/x.txt:1: no 'date YYYY-MM-DD' header line",
                "rejected x.jsonl:12:",
                "rejected FEED#item 3: no date",
                "noise"));
    assertThat(r).containsOnlyKeys("x.txt:1", "x.jsonl:12");
    assertThat(r.get("x.jsonl:12")).containsExactly("");
  }

  @Test
  void aRecordTheIngestCouldNotPublishIsMissingWithThePublishersError() throws Exception {
    List<String> log =
        List.of(
            "06:22:09 ERROR ArticlePublisher - could not publish article 3ebe5b: RecordTooLargeException: too big");
    Observations seen =
        new Observations(
            Map.of(), Map.of(), IngestLog.rejections(log), IngestLog.publishFailures(log));
    Verdict v =
        Classifier.classify(
            entry(
                "h.jsonl",
                1,
                "body-10mb",
                "3ebe5b",
                "T",
                "b",
                "rejected",
                "dead-lettered",
                "stored-verbatim"),
            seen);
    assertThat(v.outcome()).isEqualTo(Verdict.MISSING);
    assertThat(v.isViolation()).isTrue();
    assertThat(v.detail())
        .isEqualTo("ingest could not publish it: RecordTooLargeException: too big");
  }

  @Test
  void storeTimestampsParseFromSqliteAndPostgresqlText() {
    assertThat(StoreRows.instant("2026-01-02T03:04:05.678Z"))
        .isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
    assertThat(StoreRows.instant("2026-01-02 03:04:05.678+00"))
        .isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
    assertThat(StoreRows.instant("garbage")).isNull();
  }
}
