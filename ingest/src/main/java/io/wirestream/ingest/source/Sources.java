package io.wirestream.ingest.source;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.topic.Topics;
import io.wirestream.ingest.ArticleSource;
import io.wirestream.ingest.feed.FeedParser;
import io.wirestream.ingest.feed.FeedPoller;
import io.wirestream.ingest.fetch.FetchSettings;
import io.wirestream.ingest.fetch.Fetcher;
import io.wirestream.ingest.fetch.HostPoliteness;
import io.wirestream.ingest.format.InputLimits;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.PageExtractor;
import io.wirestream.ingest.page.PageFetcher;
import io.wirestream.ingest.registry.RegisteredFeedSource;
import io.wirestream.ingest.sitemap.SitemapSource;
import io.wirestream.ingest.state.ContentHash;
import io.wirestream.ingest.state.IngestState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the sources of one ingest from what the command line names. */
public final class Sources {

  /**
   * @param inputs files and folders; {@code -} is standard input
   * @param feeds feed URLs
   * @param feedLists OPML files or files of one URL a line, whose feeds are polled too
   * @param source the source name for records that name none; null for the defaults
   * @param registered whether to poll this instance's share of the registered feeds
   * @param sitemaps XML or Google News sitemaps (or sitemap indexes) whose pages are fetched
   */
  public record Request(
      List<Path> inputs,
      List<URI> feeds,
      List<Path> feedLists,
      String source,
      boolean follow,
      boolean registered,
      List<URI> sitemaps) {

    public Request {
      sitemaps = sitemaps == null ? List.of() : List.copyOf(sitemaps);
    }

    /**
     * A name for the ingest that reads these sources on this host, the same on every restart: the
     * default of {@code ingest.instance.id}, so that a restarted ingest aborts the open transaction
     * of the one it replaces at once.
     */
    public String instanceName() {
      StringBuilder what = new StringBuilder();
      inputs.forEach(p -> what.append("in ").append(p.toAbsolutePath().normalize()).append('\n'));
      feeds.forEach(u -> what.append("feed ").append(u).append('\n'));
      feedLists.forEach(
          p -> what.append("list ").append(p.toAbsolutePath().normalize()).append('\n'));
      sitemaps.forEach(u -> what.append("sitemap ").append(u).append('\n'));
      what.append(registered ? "registered\n" : "");
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "localhost";
      }
      return host.replaceAll("[^A-Za-z0-9._-]", "_")
          + "-"
          + ContentHash.ofParts(what.toString()).substring(0, 12);
    }

    /** A request without sitemaps. */
    public Request(
        List<Path> inputs,
        List<URI> feeds,
        List<Path> feedLists,
        String source,
        boolean follow,
        boolean registered) {
      this(inputs, feeds, feedLists, source, follow, registered, List.of());
    }
  }

  private Sources() {}

  /** The feeds named directly and in the lists, each once, in order. */
  public static FeedList.Contents feeds(Request request) {
    Set<URI> feeds = new LinkedHashSet<>(request.feeds());
    List<String> problems = new ArrayList<>();
    for (Path list : request.feedLists()) {
      FeedList.Contents contents;
      try {
        contents = FeedList.read(list);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the feed list " + list, e);
      }
      feeds.addAll(contents.feeds());
      problems.addAll(contents.problems());
    }
    return new FeedList.Contents(List.copyOf(feeds), problems);
  }

  public static List<ArticleSource> build(
      Request request, WirestreamConfig config, String version, InputStream stdin) {
    return build(request, config, version, stdin, IngestState.inMemory());
  }

  /** Sources whose files and feeds start from, and keep their marks in, {@code state}. */
  public static List<ArticleSource> build(
      Request request,
      WirestreamConfig config,
      String version,
      InputStream stdin,
      IngestState state) {
    FetchSettings fetchSettings = FetchSettings.from(config, version);
    return build(
        request,
        config,
        stdin,
        state,
        new Fetcher(fetchSettings, HostPoliteness.from(fetchSettings)));
  }

  /**
   * Like {@link #build(Request, WirestreamConfig, String, InputStream, IngestState)}; feeds, their
   * pages, sitemaps and registered feeds all fetch through {@code fetcher}, so that a host serving
   * several of them is asked one request at a time and its robots.txt is read once.
   */
  public static List<ArticleSource> build(
      Request request,
      WirestreamConfig config,
      InputStream stdin,
      IngestState state,
      Fetcher fetcher) {
    List<ArticleSource> sources = new ArrayList<>();
    InputLimits limits = InputLimits.from(config);
    List<Path> files = new ArrayList<>();
    boolean stdinNamed = false;
    for (Path input : request.inputs()) {
      if (input.toString().equals(StdinSource.NAME)) {
        stdinNamed = true;
      } else {
        files.add(input);
      }
    }
    PageFetcher recordPages =
        config.getBoolean(WirestreamConfig.INGEST_FILES_FETCH_PAGES)
            ? new PageFetcher(fetcher, PageExtractor.from(config))
            : null;
    if (!files.isEmpty()) {
      sources.add(
          new FileSource(
              files,
              request.source() == null ? "files" : request.source(),
              limits,
              request.follow(),
              Duration.ofMillis(config.getLong(WirestreamConfig.INGEST_POLL_INTERVAL_MS)),
              state,
              recordPages));
    }
    if (stdinNamed) {
      sources.add(
          new StdinSource(
              stdin,
              request.source() == null ? "stdin" : request.source(),
              limits.maxLineBytes(),
              recordPages));
    }
    FeedList.Contents feeds = feeds(request);
    if (!feeds.problems().isEmpty()) {
      sources.add(
          new Problems(
              "feed lists",
              feeds.problems().stream()
                  .map(p -> new ParseResult.Rejected(locationOf(p), reasonOf(p)))
                  .toList()));
    }
    if (!feeds.feeds().isEmpty()) {
      sources.add(
          new FeedSource(
              FeedPoller.create(
                  feeds.feeds(), new FeedParser(request.source()), config, state, fetcher),
              request.follow()));
    }
    if (!request.sitemaps().isEmpty()) {
      sources.add(
          SitemapSource.create(
              request.sitemaps(), request.source(), fetcher, config, state, request.follow()));
    }
    if (request.registered()) {
      sources.add(
          new RegisteredFeedSource(
              config,
              new Topics(config).feeds(),
              FeedPoller.create(
                  List.of(), new FeedParser(request.source()), config, state, fetcher),
              state,
              request.follow()));
    }
    return sources;
  }

  private static String locationOf(String problem) {
    int colon = problem.indexOf(": ");
    return colon < 0 ? problem : problem.substring(0, colon);
  }

  private static String reasonOf(String problem) {
    int colon = problem.indexOf(": ");
    return colon < 0 ? problem : problem.substring(colon + 2);
  }
}
