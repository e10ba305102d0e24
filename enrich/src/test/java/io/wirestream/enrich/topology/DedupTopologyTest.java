package io.wirestream.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.DeadLetterHeaders;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.enrich.nlp.TemporalTagger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrich topology with duplicate detection, one record at a time. */
class DedupTopologyTest {

  private static final Topics TOPICS = new Topics(WirestreamConfig.defaults());
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

  private static final TemporalTagger NO_DATES =
      new TemporalTagger() {
        @Override
        public List<TemporalExpression> tag(String text, LocalDate documentDate) {
          return List.of();
        }

        @Override
        public String name() {
          return "none";
        }
      };

  private static final String STORY =
      "Moscow said on Tuesday that grain exports would rise by a fifth this year after a harvest"
          + " that beat every forecast, and that the ports of the Black Sea were ready to load"
          + " more ships than in any season since the figures were first kept by the ministry."
          + " Traders in Rotterdam and Geneva said the extra wheat would weigh on prices through"
          + " the summer, while farmers in the south asked for help with storage and rail"
          + " freight, which they said had doubled in cost since the autumn.";

  @TempDir Path state;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    REGISTRY.clear();
    driver = new TopologyTestDriver(topology(), props);
    raw =
        driver.createInputTopic(
            TOPICS.raw().name(), new StringSerializer(), new ByteArraySerializer());
    enriched =
        driver.createOutputTopic(
            TOPICS.enriched().name(),
            TOPICS.enriched().keySerde().deserializer(),
            TOPICS.enriched().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            TOPICS.deadLetter().name(),
            TOPICS.deadLetter().keySerde().deserializer(),
            TOPICS.deadLetter().valueSerde().deserializer());
  }

  private static Topology topology() {
    return EnrichTopology.build(
        TOPICS,
        () ->
            NlpPipeline.of(
                    new DictionaryExtractorFactory(Map.of("Moscow", EntityType.LOCATION)),
                    NO_DATES,
                    5,
                    CLOCK,
                    WirestreamConfig.DEFAULT_MAX_BODY_CHARS)
                .enricher(),
        true,
        SendLimit.DEFAULT,
        new FailedSends(),
        ReplayFilter.ALL,
        5,
        new EnrichMeters(REGISTRY),
        DedupOptions.on(CLOCK));
  }

  private static final io.micrometer.core.instrument.simple.SimpleMeterRegistry REGISTRY =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

  @AfterEach
  void close() {
    driver.close();
  }

  private void send(Article article) {
    raw.pipeInput(
        article.id(),
        TOPICS.raw().valueSerde().serializer().serialize("news.raw", article),
        Instant.parse("2026-03-10T11:00:00Z"));
  }

  private static Article.Builder article(String id, String published, String body) {
    return Article.builder(id, "wire", body, published).title("Grain exports to rise");
  }

  @Test
  void shouldNameTheOriginalOfACopyOfItsBodyAndNotEnrichTheCopy() {
    send(article("a1", "2026-03-01T10:00:00Z", STORY).title("Grain exports up").build());
    send(
        article("a2", "2026-03-01T11:00:00Z", STORY.toUpperCase(java.util.Locale.ROOT))
            .source("other")
            .title("Russia expects more grain")
            .build());

    List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
    assertThat(out).extracting(TestRecord::key).containsExactly("a1", "a2");
    EnrichedArticle original = out.get(0).value();
    assertThat(original.duplicateOf()).isNull();
    assertThat(original.entities()).isNotEmpty();
    EnrichedArticle copy = out.get(1).value();
    assertThat(copy.duplicateOf()).isEqualTo("a1");
    assertThat(copy.entities()).isEmpty();
    assertThat(copy.dates()).isEmpty();
    assertThat(copy.enrichment().skipped()).isEqualTo("duplicate of a1 (same body)");
    assertThat(copy.enrichment().version()).isEqualTo(5);
    assertThat(
            REGISTRY
                .get(EnrichMeters.ARTICLES_SKIPPED)
                .tag("reason", EnrichMeters.SKIPPED_DUPLICATE)
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(copy.article().id()).isEqualTo("a2");
  }

  @Test
  void shouldNameTheOriginalOfAnArticleAtTheSameNormalisedUrl() {
    send(
        article("a1", "2026-03-01T10:00:00Z", STORY)
            .title("One")
            .canonicalUrl("https://news.example/grain")
            .build());
    send(
        article("a2", "2026-03-02T10:00:00Z", "An unrelated body that has nothing in common.")
            .title("Two")
            .url("HTTPS://News.Example:443/grain?utm_source=feed#top")
            .build());

    List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
    assertThat(out.get(1).value().duplicateOf()).isEqualTo("a1");
    assertThat(out.get(1).value().enrichment().skipped()).isEqualTo("duplicate of a1 (same URL)");
  }

  @Test
  void shouldEnrichTheSameArticleIdAgainRatherThanCallItACopyOfItself() {
    Article first = article("a1", "2026-03-01T10:00:00Z", STORY).build();
    send(first);
    send(first);
    send(first.withRevision(1));

    List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
    assertThat(out).hasSize(3);
    assertThat(out).allSatisfy(r -> assertThat(r.value().duplicateOf()).isNull());
    assertThat(out).allSatisfy(r -> assertThat(r.value().entities()).isNotEmpty());
  }

  @Test
  void shouldTakeTheSameTitleFromTheSameSourceWithinSevenDaysAsACopy() {
    send(article("a1", "2026-03-01T10:00:00Z", STORY).build());
    send(article("a2", "2026-03-07T10:00:00Z", "Moscow changed its mind about the ports.").build());

    List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
    assertThat(out.get(1).value().duplicateOf()).isEqualTo("a1");
    assertThat(out.get(1).value().enrichment().skipped())
        .isEqualTo("duplicate of a1 (same title from the same source)");
  }

  @Test
  void shouldNotTakeTheSameTitleOverAWhollyDifferentBodyAsACopy() {
    send(article("a1", "2026-03-01T10:00:00Z", STORY).build());
    send(
        article(
                "a2",
                "2026-03-02T10:00:00Z",
                "The harbour authority of Odessa reported on Wednesday that twelve tankers had"
                    + " waited more than a week for a berth, as inspectors checked every hull and"
                    + " crews complained to the union about the heat, the food and the pay, which"
                    + " the owners in Athens and Istanbul promised to raise before the next voyage"
                    + " to the refineries of southern Italy, due to leave at the end of the month.")
            .build());

    List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(1).value().duplicateOf()).isNull();
    assertThat(out.get(1).value().enrichment().skipped()).isNull();
  }

  @Test
  void shouldNotTakeTheSameTitleEightDaysLaterOrFromAnotherSourceAsACopy() {
    send(article("a1", "2026-03-01T10:00:00Z", STORY).build());
    send(article("a2", "2026-03-09T10:00:00Z", "Moscow changed its mind about the ports.").build());
    send(
        article("a3", "2026-03-02T10:00:00Z", "Moscow kept its word on the ports.")
            .source("other")
            .build());

    assertThat(enriched.readRecordsToList())
        .extracting(r -> r.key(), r -> r.value().duplicateOf())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a1", null),
            org.assertj.core.groups.Tuple.tuple("a2", null),
            org.assertj.core.groups.Tuple.tuple("a3", null));
  }

  @Test
  void shouldTakeANearlyIdenticalBodyAsACopy() {
    send(article("a1", "2026-03-01T10:00:00Z", STORY).title("One").build());
    send(
        article(
                "a2",
                "2026-03-01T12:00:00Z",
                STORY.replace("through the summer", "through the early summer"))
            .title("Two")
            .build());

    EnrichedArticle copy = enriched.readRecordsToList().get(1).value();
    assertThat(copy.duplicateOf()).isEqualTo("a1");
    assertThat(copy.enrichment().skipped()).isEqualTo("duplicate of a1 (near-identical body)");
  }

  @Test
  void shouldAnalyseAnOriginalSentAgainAfterItsCopyAsTheOriginal() {
    send(article("a1", "2026-03-01T10:00:00Z", STORY).title("One").build());
    send(article("a2", "2026-03-01T11:00:00Z", STORY).title("Two").build());
    send(article("a1", "2026-03-01T10:00:00Z", STORY).title("One").build());

    assertThat(enriched.readRecordsToList())
        .extracting(r -> r.key(), r -> r.value().duplicateOf())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a1", null),
            org.assertj.core.groups.Tuple.tuple("a2", "a1"),
            org.assertj.core.groups.Tuple.tuple("a1", null));
  }

  @Test
  void shouldAnalyseOnlyTheFirstCopySeenEvenWhenAnEarlierPublishedOneArrivesAfterIt() {
    // Copies on different partitions arrive in any order: the first one seen is analysed, and
    // every later one names it, whatever their publication times.
    send(article("late", "2026-03-01T12:00:00Z", STORY).title("One").build());
    send(article("early", "2026-03-01T08:00:00Z", STORY).title("Two").build());
    send(article("third", "2026-03-01T13:00:00Z", STORY).title("Three").build());

    List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
    assertThat(out)
        .extracting(r -> r.key(), r -> r.value().duplicateOf())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("late", null),
            org.assertj.core.groups.Tuple.tuple("early", "late"),
            org.assertj.core.groups.Tuple.tuple("third", "late"));
    assertThat(out.get(0).value().entities()).isNotEmpty();
    assertThat(out.get(1).value().entities()).isEmpty();
  }

  @Test
  void shouldDeadLetterAnUnparseableRecordWithItsRawPositionBetweenGoodOnes() {
    send(article("a1", "2026-03-01T10:00:00Z", STORY).build());
    raw.pipeInput("bad", "{not json".getBytes(StandardCharsets.UTF_8));
    send(article("a3", "2026-03-20T10:00:00Z", "Moscow is quiet today, said everyone.").build());

    assertThat(enriched.readRecordsToList())
        .extracting(TestRecord::key)
        .containsExactly("a1", "a3");
    TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(letter.key()).isEqualTo("bad");
    assertThat(letter.value()).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
    assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("news.raw");
    assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("parse");
    assertThat(letter.headers().lastHeader(DedupOrigin.HEADER)).isNull();
  }

  @Test
  void shouldKeepTheRawHeadersAndTimestampOnEnrichedRecordsWithoutTheOriginHeader() {
    send(article("a1", "2026-03-01T10:00:00Z", STORY).build());

    TestRecord<String, EnrichedArticle> out = enriched.readRecord();
    assertThat(out.timestamp()).isEqualTo(Instant.parse("2026-03-10T11:00:00Z").toEpochMilli());
    assertThat(out.headers().lastHeader(DedupOrigin.HEADER)).isNull();
  }

  @Test
  void shouldNameEveryNodeStoreAndRepartitionTopic() {
    assertThat(topology().describe().toString()).isEqualTo(PINNED);
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /**
   * Two sub-topologies: the raw side (fingerprints out, verdicts in, enrich) and the fingerprint
   * owners; the repartition topics are prefixed by the application id on a broker.
   */
  private static final String PINNED =
      """
      Topologies:
         Sub-topology: 0
          Source: dedup-verdicts-repartition-source (topics: [dedup-verdicts-repartition])
            --> dedup-verdict
          Processor: dedup-verdict (stores: [dedup-pending])
            --> enrich-article, dedup-duplicates-sink
            <-- dedup-verdicts-repartition-source
          Source: news-raw-source (topics: [news.raw])
            --> dedup-fingerprint
          Processor: dedup-fingerprint (stores: [dedup-pending])
            --> dedup-probes-repartition-filter
            <-- news-raw-source
          Processor: enrich-article (stores: [])
            --> news-dlq-sink, news-enriched-sink
            <-- dedup-verdict
          Processor: dedup-probes-repartition-filter (stores: [])
            --> dedup-probes-repartition-sink
            <-- dedup-fingerprint
          Sink: dedup-duplicates-sink (topic: news.enriched)
            <-- dedup-verdict
          Sink: dedup-probes-repartition-sink (topic: dedup-probes-repartition)
            <-- dedup-probes-repartition-filter
          Sink: news-dlq-sink (topic: news.dlq)
            <-- enrich-article
          Sink: news-enriched-sink (topic: news.enriched)
            <-- enrich-article

        Sub-topology: 1
          Source: dedup-probes-repartition-source (topics: [dedup-probes-repartition])
            --> dedup-check
          Processor: dedup-check (stores: [dedup-simhash-bands, dedup-bodies, dedup-titles, dedup-urls])
            --> dedup-verdicts-repartition-filter
            <-- dedup-probes-repartition-source
          Processor: dedup-verdicts-repartition-filter (stores: [])
            --> dedup-verdicts-repartition-sink
            <-- dedup-check
          Sink: dedup-verdicts-repartition-sink (topic: dedup-verdicts-repartition)
            <-- dedup-verdicts-repartition-filter

      """;
}
