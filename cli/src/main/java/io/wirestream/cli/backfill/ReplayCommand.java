package io.wirestream.cli.backfill;

import io.wirestream.cli.ConfigOptions;
import io.wirestream.cli.UsageException;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.kafka.BrokerCheck;
import io.wirestream.common.kafka.offsets.GroupOffsets;
import io.wirestream.common.kafka.offsets.OffsetRanges;
import io.wirestream.common.kafka.offsets.PartitionRange;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.enrich.topology.ReplayFilter;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream replay}: re-enriches a range of news.raw into a new enrichment version. */
@Command(
    name = "replay",
    description = {
      "Re-enriches raw articles into a new enrichment version while the running",
      "enrich keeps serving: a second enrich application starts at the range's",
      "first offsets and stops at its end (with --follow, it stays on as the live",
      "enrich). The sink keeps the newest version of each article, so readers see",
      "every article once throughout. --from/--to select by ingest time (record",
      "timestamps on news.raw; a date is its whole UTC day), --published-from/",
      "--published-to by publication date. Progress goes to stderr."
    })
public final class ReplayCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  // Declared here rather than through mixinStandardHelpOptions, whose -V/--version (the program's
  // version) would take the place of the replay's --version N.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Spec CommandSpec spec;

  @Option(names = "--from", paramLabel = "INSTANT|DATE", description = "First ingest time.")
  String from;

  @Option(names = "--to", paramLabel = "INSTANT|DATE", description = "Last ingest time.")
  String to;

  @Option(
      names = "--published-from",
      paramLabel = "DATE",
      description = "Only articles published on or after this date.")
  String publishedFrom;

  @Option(
      names = "--published-to",
      paramLabel = "DATE",
      description = "Only articles published on or before this date.")
  String publishedTo;

  @Option(
      names = "--version",
      paramLabel = "N",
      description = "Enrichment version to write (default: enrich.version + 1).")
  Integer version;

  @Option(
      names = "--ner-model",
      paramLabel = "PATH",
      description = "Name finder model for the replay (setting enrich.ner.model).")
  String nerModel;

  @Option(
      names = "--application-id",
      paramLabel = "ID",
      description = "Kafka Streams application id of the replay (default wirestream-enrich-v<N>).")
  String applicationId;

  @Option(names = "--follow", description = "Stay on as the live enrich once caught up.")
  boolean follow;

  @Option(
      names = "--resume",
      description =
          "Continue a replay that was stopped: keep the application's committed offsets"
              + " instead of refusing them.")
  boolean resume;

  @Option(
      names = "--dry-run",
      description = "Print how many records the range holds, per partition, and exit.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    if (follow && to != null) {
      throw new UsageException("--follow and --to exclude each other: a follow has no end");
    }
    Instant start = TimeBound.from("--from", from);
    Instant end = TimeBound.to("--to", to);
    if (start != null && end != null && !end.isAfter(start)) {
      throw new UsageException("--to must be after --from");
    }
    LocalDate firstPublished = TimeBound.date("--published-from", publishedFrom);
    LocalDate lastPublished = TimeBound.date("--published-to", publishedTo);
    ReplayFilter dates;
    try {
      dates = new ReplayFilter(firstPublished, lastPublished, Map.of());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    WirestreamConfig current = config.load(Map.of());
    int target = version != null ? version : current.getInt(WirestreamConfig.ENRICH_VERSION) + 1;
    String application = applicationId != null ? applicationId : "wirestream-enrich-v" + target;
    if (application.equals(current.getString(WirestreamConfig.ENRICH_APPLICATION_ID))) {
      throw new UsageException(
          "the replay needs its own application id, not the live enrich's " + application);
    }
    Map<String, String> overrides = new HashMap<>();
    overrides.put(WirestreamConfig.ENRICH_APPLICATION_ID, application);
    overrides.put(WirestreamConfig.ENRICH_VERSION, Integer.toString(target));
    if (nerModel != null) {
      overrides.put(WirestreamConfig.ENRICH_NER_MODEL, nerModel);
    }
    WirestreamConfig settings = config.load(overrides);
    BrokerCheck.require(settings);
    Topics topics = new Topics(settings);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
      List<PartitionRange> ranges = OffsetRanges.plan(admin, topics.raw().name(), start, end);
      if (dryRun) {
        RangeReport.print(out, topics.raw().name(), ranges);
        return 0;
      }
      Map<TopicPartition, Long> committed = GroupOffsets.committed(admin, application);
      if (!committed.isEmpty() && !resume) {
        throw new UsageException(
            "application "
                + application
                + " already has committed offsets (an earlier replay?): pass --resume to"
                + " continue it, or choose another --application-id or --version");
      }
      if (committed.isEmpty()) {
        GroupOffsets.commitStarts(admin, application, ranges);
      }
      Map<Integer, Long> ends = new HashMap<>();
      if (!follow) {
        ranges.forEach(range -> ends.put(range.partition().partition(), range.end()));
      }
      ReplayJob job =
          new ReplayJob(settings, admin, application, target, ranges, dates.withEndOffsets(ends));
      return job.run(out, err, follow);
    }
  }
}
