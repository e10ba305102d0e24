package io.wirestream.cli.downstream;

import io.wirestream.cli.ConfigOptions;
import io.wirestream.cli.UsageException;
import io.wirestream.client.BadRecordHandler;
import io.wirestream.client.EnrichedArticleDeserializer;
import io.wirestream.client.EnrichedArticles;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.topic.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream tail}: prints enriched articles as they arrive, or from a point in the topic.
 * It assigns partitions instead of joining a consumer group and commits nothing, so it never takes
 * partitions from, or moves the offsets of, the sink or any other group.
 */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Prints enriched articles from news.enriched as they arrive (or from a point),",
      "filtered by canonical entity, type, country, language and mentioned dates."
    })
public final class TailCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--from-beginning", description = "Start at the oldest record kept.")
  boolean fromBeginning;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description =
          "Start at records written at or after TIME (2026-01-31 or 2026-01-31T12:00:00Z).")
  String since;

  @Option(names = "--entity", paramLabel = "NAME", description = "A canonical entity name.")
  String entity;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Entity type: ${COMPLETION-CANDIDATES}.")
  EntityType type;

  @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 code.")
  String country;

  @Option(names = "--language", paramLabel = "LANG", description = "Article language, e.g. en.")
  String language;

  @Option(
      names = "--mentions-from",
      paramLabel = "DATE",
      description = "Articles mentioning a date that ends on or after DATE.")
  LocalDate mentionsFrom;

  @Option(
      names = "--mentions-to",
      paramLabel = "DATE",
      description = "Articles mentioning a date that begins on or before DATE.")
  LocalDate mentionsTo;

  @Option(
      names = "--latest",
      description =
          "Only the newest version of each article (by enrichment version, then revision).")
  boolean latest;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default) or json (one record per line).")
  String format = "text";

  @Option(names = "--max", paramLabel = "N", description = "Stop after printing N articles.")
  Long max;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      description =
          "Stop when nothing arrives for this long (e.g. PT10S); default: follow forever.")
  Duration idleTimeout;

  @Override
  public Integer call() {
    if (fromBeginning && since != null) {
      throw new UsageException("--from-beginning and --since exclude each other");
    }
    ArticlePrinter printer = ArticlePrinter.of(format, spec.commandLine().getOut());
    ArticleFilter filter =
        new ArticleFilter(entity, type, country, language, mentionsFrom, mentionsTo);
    WirestreamConfig settings = config.loadConnected(Map.of());
    String topic = new Topics(settings).enriched().name();
    PrintWriter err = spec.commandLine().getErr();
    BadRecordHandler onBad =
        (t, bytes, error) ->
            err.println("wirestream tail: skipped an unreadable record: " + error.getMessage());
    try (KafkaConsumer<String, byte[]> consumer = consumer(settings)) {
      List<TopicPartition> partitions = assign(consumer, topic);
      // With --latest, what the topic held at start is read to its end before anything is
      // printed, so an article stored in several versions prints once, at its newest.
      Map<TopicPartition, Long> backlogEnd = latest ? consumer.endOffsets(partitions) : Map.of();
      Map<String, EnrichedArticle> backlog = new LinkedHashMap<>();
      boolean catchingUp = latest && !reached(consumer, backlogEnd);
      Output output = new Output(filter, printer, max);
      long idleSince = System.nanoTime();
      EnrichedArticles newest = new EnrichedArticles(consumer, onBad);
      EnrichedArticleDeserializer plain = new EnrichedArticleDeserializer(onBad);
      while (!output.full()) {
        List<EnrichedArticle> batch =
            latest ? newest.poll(Duration.ofMillis(500)) : pollAll(consumer, plain);
        boolean idle = batch.isEmpty();
        if (!idle) {
          idleSince = System.nanoTime();
        }
        boolean timedOut =
            idle
                && idleTimeout != null
                && Duration.ofNanos(System.nanoTime() - idleSince).compareTo(idleTimeout) >= 0;
        if (catchingUp) {
          for (EnrichedArticle article : batch) {
            backlog.remove(article.article().id());
            backlog.put(article.article().id(), article);
          }
          if (!reached(consumer, backlogEnd) && !timedOut) {
            continue;
          }
          catchingUp = false;
          batch = new ArrayList<>(backlog.values());
          backlog.clear();
        }
        batch.forEach(output::offer);
        spec.commandLine().getOut().flush();
        if (timedOut) {
          break;
        }
      }
    }
    return 0;
  }

  /** Prints what passes the filter, up to the maximum. */
  private static final class Output {
    private final ArticleFilter filter;
    private final ArticlePrinter printer;
    private final Long max;
    private long printed;

    Output(ArticleFilter filter, ArticlePrinter printer, Long max) {
      this.filter = filter;
      this.printer = printer;
      this.max = max;
    }

    void offer(EnrichedArticle article) {
      if (!full() && filter.test(article)) {
        printer.print(article);
        printed++;
      }
    }

    boolean full() {
      return max != null && printed >= max;
    }
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static List<EnrichedArticle> pollAll(
      KafkaConsumer<String, byte[]> consumer, EnrichedArticleDeserializer deserializer) {
    List<EnrichedArticle> batch = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
      EnrichedArticle article = deserializer.deserialize(record.topic(), record.value());
      if (article != null) {
        batch.add(article);
      }
    }
    return batch;
  }

  private KafkaConsumer<String, byte[]> consumer(WirestreamConfig settings) {
    Properties properties = settings.kafkaProperties();
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "wirestream-tail");
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private List<TopicPartition> assign(KafkaConsumer<String, byte[]> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      throw new UsageException("topic " + topic + " does not exist");
    }
    List<TopicPartition> partitions =
        infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else if (since != null) {
      seekToTime(consumer, partitions, parseTime(since));
    } else {
      consumer.seekToEnd(partitions);
    }
    // Resolve the positions now, so records produced after this returns are not missed.
    partitions.forEach(consumer::position);
    return partitions;
  }

  private static void seekToTime(
      KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Instant when) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, when.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    List<TopicPartition> none = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp offset = found.get(partition);
      if (offset == null) {
        none.add(partition);
      } else {
        consumer.seek(partition, offset.offset());
      }
    }
    consumer.seekToEnd(none);
  }

  static Instant parseTime(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new UsageException("--since wants 2026-01-31 or 2026-01-31T12:00:00Z, not " + text);
    }
  }
}
