package io.wirestream.cli.backfill;

import io.wirestream.cli.ConfigOptions;
import io.wirestream.cli.UsageException;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.serde.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream status}: the enrich and sink applications on the cluster and their lag. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the enrich and sink applications on the cluster (consumer groups with",
      "offsets on news.raw or news.enriched): members, lag per topic (end offset -",
      "committed, summed over partitions), records/s over the sampling interval,",
      "and the enrichment version an enrich writes: from the application id of a",
      "replay (...-v<N>), otherwise from the newest record on news.enriched of a",
      "version no replay group claims; the VERSION column says which."
    })
public final class StatusCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Spec CommandSpec spec;

  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description = "Time between the two samples of committed offsets (default ${DEFAULT-VALUE}).")
  double interval;

  @Option(
      names = "--format",
      paramLabel = "table|json",
      defaultValue = "table",
      description = "Output format (default ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("json")) {
      throw new UsageException("--format is table or json, not " + format);
    }
    if (interval < 0 || interval > 600) {
      throw new UsageException("--interval must be between 0 and 600 seconds");
    }
    WirestreamConfig settings = config.loadConnected(Map.of());
    List<GroupRow> rows;
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      rows =
          new ClusterStatus(admin, settings)
              .collect(Duration.ofMillis(Math.round(interval * 1000)));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    } else {
      table(out, rows);
    }
    out.flush();
    return 0;
  }

  private static void table(PrintWriter out, List<GroupRow> rows) {
    if (rows.isEmpty()) {
      out.println("no enrich or sink application has committed offsets on this cluster");
      return;
    }
    String format = "%-28s %-6s %-12s %7s %-16s %10s %10s  %s%n";
    out.printf(
        Locale.ROOT,
        format,
        "GROUP",
        "ROLE",
        "STATE",
        "MEMBERS",
        "TOPIC",
        "LAG",
        "RECORDS/S",
        "VERSION");
    for (GroupRow row : rows) {
      out.printf(
          Locale.ROOT,
          format,
          row.group(),
          row.role(),
          row.state(),
          row.members(),
          row.topic(),
          row.lag(),
          String.format(Locale.ROOT, "%.1f", row.recordsPerSecond()),
          row.version() == null
              ? (row.role().equals("enrich") ? "? (" + row.versionSource() + ": none)" : "-")
              : row.version() + " (" + row.versionSource() + ")");
    }
  }
}
