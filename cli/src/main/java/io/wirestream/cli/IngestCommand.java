package io.wirestream.cli;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.ingest.ArticlePublisher;
import io.wirestream.ingest.FileIngestor;
import io.wirestream.ingest.IngestStats;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream ingest}: publishes article files to the raw topic. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads article files and directories and publishes them to the raw topic.",
      "Formats: seed text (a 'date YYYY-MM-DD' header, then the body) and JSON lines (*.jsonl).",
      "Bad records are reported as FILE:LINE: reason on standard error and skipped."
    })
public final class IngestCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions config;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or directories to read.")
  List<Path> inputs;

  @Option(names = "--source", description = "Source name for records that do not name one (default: ${DEFAULT-VALUE}).")
  String source = "files";

  @Option(names = "--follow", description = "Keep running and publish new or changed files as they appear.")
  boolean follow;

  @Override
  public Integer call() throws Exception {
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new UsageException("no such file or directory: " + input);
      }
    }
    WirestreamConfig settings = config.load(Map.of());
    Topics topics = new Topics(settings);
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }
    PrintWriter err = spec.commandLine().getErr();
    IngestStats stats = new IngestStats();
    FileIngestor ingestor = new FileIngestor(inputs, source);
    try (ArticlePublisher publisher = new ArticlePublisher(settings, topics.raw(), stats, Clock.systemUTC())) {
      do {
        ingestor.pass(publisher, stats, rejected -> err.println("rejected " + rejected));
        publisher.flush();
        err.flush();
        if (follow) {
          Thread.sleep(settings.getLong(WirestreamConfig.INGEST_POLL_INTERVAL_MS));
        }
      } while (follow);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "files %d, articles read %d, rejected %d, published %d, failed %d%n",
            stats.files(), stats.read(), stats.rejected(), stats.published(), stats.failed());
    return stats.failed() == 0 ? 0 : 1;
  }
}
