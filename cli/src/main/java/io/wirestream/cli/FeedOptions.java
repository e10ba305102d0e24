package io.wirestream.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The web sources that {@code ingest} and {@code demo} both take: feeds, feed lists, sitemaps. */
public final class FeedOptions {

  @Option(
      names = "--feed",
      paramLabel = "URL",
      description =
          "An RSS, Atom or JSON feed to poll (repeatable); once, unless the command follows.")
  List<URI> feeds = new ArrayList<>();

  @Option(
      names = "--feeds",
      paramLabel = "FILE",
      description = "A list of feeds to poll: OPML, or one URL a line (repeatable).")
  List<Path> feedLists = new ArrayList<>();

  @Option(
      names = "--sitemap",
      paramLabel = "URL",
      description =
          "An XML or Google News sitemap, or a sitemap index, whose new pages are fetched and"
              + " extracted (repeatable).")
  List<URI> sitemaps = new ArrayList<>();

  /** True when none of the three was given. */
  boolean isEmpty() {
    return feeds.isEmpty() && feedLists.isEmpty() && sitemaps.isEmpty();
  }

  /** Refuses, as a usage error, a feed list that is not a readable file. */
  void checkFeedLists() {
    for (Path list : feedLists) {
      if (!Files.isRegularFile(list)) {
        throw new UsageException("no such feed list: " + list);
      }
    }
  }
}
