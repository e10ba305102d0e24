package io.wirestream.cli;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.TopicAdmin;
import io.wirestream.common.topic.Topics;
import io.wirestream.ingest.feed.FeedPoller;
import io.wirestream.ingest.registry.FeedEntry;
import io.wirestream.ingest.registry.FeedRegistry;
import io.wirestream.ingest.source.FeedList;
import io.wirestream.ingest.state.FeedMark;
import io.wirestream.ingest.state.KafkaIngestState;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream feeds}: the registry of feeds that ingest instances share. */
@Command(
    name = "feeds",
    mixinStandardHelpOptions = true,
    description = {
      "Manages the registered feeds, kept on the compacted topic news.feeds (topic.feeds), keyed by"
          + " URL. 'wirestream ingest' without inputs polls them, the instances of its group"
          + " (ingest.feeds.group.id) dividing them between them."
    },
    subcommands = {
      FeedsCommand.Add.class,
      FeedsCommand.Import.class,
      FeedsCommand.Remove.class,
      FeedsCommand.ListFeeds.class
    })
public final class FeedsCommand implements Callable<Integer> {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** The registry, its topics created first. */
  static FeedRegistry registry(WirestreamConfig settings) throws Exception {
    Topics topics = new Topics(settings);
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      TopicAdmin.ensureTopics(admin, topics.specs());
    }
    return new FeedRegistry(settings, topics.feeds());
  }

  static List<URI> checked(List<URI> feeds, WirestreamConfig settings) {
    for (URI feed : feeds) {
      try {
        FeedPoller.checkUrl(feed, settings.getBoolean(WirestreamConfig.INGEST_FETCH_ALLOW_FILE));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return feeds;
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Registers feeds.")
  static final class Add implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ConfigOptions config;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "Feed URLs.")
    List<URI> feeds = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      WirestreamConfig settings = config.loadConnected(Map.of());
      registry(settings).add(checked(feeds, settings), Clock.systemUTC());
      spec.commandLine().getOut().printf("%d feeds registered%n", feeds.size());
      return 0;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Registers the feeds of a list: OPML, or one URL a line ('#' comments).")
  static final class Import implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ConfigOptions config;

    @Parameters(index = "0", paramLabel = "FILE", description = "The feed list.")
    Path file;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(file)) {
        throw new UsageException("no such feed list: " + file);
      }
      WirestreamConfig settings = config.loadConnected(Map.of());
      FeedList.Contents contents = FeedList.read(file);
      PrintWriter err = spec.commandLine().getErr();
      contents.problems().forEach(p -> err.println("skipped " + p));
      err.flush();
      List<URI> fetchable = new ArrayList<>();
      for (URI feed : contents.feeds()) {
        try {
          fetchable.add(
              FeedPoller.checkUrl(
                  feed, settings.getBoolean(WirestreamConfig.INGEST_FETCH_ALLOW_FILE)));
        } catch (IllegalArgumentException e) {
          err.println("skipped " + feed + ": " + e.getMessage());
        }
      }
      registry(settings).add(fetchable, Clock.systemUTC());
      spec.commandLine()
          .getOut()
          .printf(
              "%d feeds registered, %d entries skipped%n",
              fetchable.size(),
              contents.feeds().size() - fetchable.size() + contents.problems().size());
      return fetchable.size() == contents.feeds().size() && contents.problems().isEmpty() ? 0 : 1;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Unregisters feeds.")
  static final class Remove implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ConfigOptions config;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "Feed URLs.")
    List<URI> feeds = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      WirestreamConfig settings = config.loadConnected(Map.of());
      registry(settings).remove(feeds);
      spec.commandLine().getOut().printf("%d feeds removed%n", feeds.size());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Lists the registered feeds with what ingest last saw of each: last fetch, HTTP status,"
              + " items seen, next due time, consecutive failures, and why it is disabled.")
  static final class ListFeeds implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
      WirestreamConfig settings = config.loadConnected(Map.of());
      FeedRegistry registry = registry(settings);
      Map<String, FeedEntry> feeds = registry.list(TIMEOUT);
      PrintWriter out = spec.commandLine().getOut();
      out.println("URL\tLAST FETCH\tSTATUS\tITEMS\tNEXT DUE\tFAILURES\tDISABLED");
      try (KafkaIngestState state =
          KafkaIngestState.open(settings, new Topics(settings).ingestState(), TIMEOUT)) {
        for (String url : feeds.keySet()) {
          FeedMark mark = state.feed(url).orElse(null);
          if (mark == null) {
            out.printf("%s\tnever\t-\t0\tnow\t0\t-%n", url);
          } else {
            out.printf(
                "%s\t%s\t%s\t%d\t%s\t%d\t%s%n",
                url,
                orDash(mark.lastFetch()),
                mark.lastStatus() == 0 ? "-" : Integer.toString(mark.lastStatus()),
                mark.itemsSeen(),
                mark.nextDue() == null ? "now" : mark.nextDue().toString(),
                mark.consecutiveFailures(),
                mark.disabled() == null ? "-" : mark.disabled());
          }
        }
      }
      out.flush();
      return 0;
    }

    private static String orDash(Instant when) {
      return when == null ? "never" : when.toString();
    }
  }
}
