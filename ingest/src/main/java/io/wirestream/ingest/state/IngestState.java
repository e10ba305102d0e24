package io.wirestream.ingest.state;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingest remembers of its sources between runs, by source: files by path, feeds by URL.
 * Thread-safe: marks are written from producer callbacks as deliveries complete.
 */
public interface IngestState extends AutoCloseable {

  Optional<FileMark> file(String path);

  void put(FileMark mark);

  Optional<FeedMark> feed(String url);

  void put(FeedMark mark);

  /**
   * Takes in what other instances wrote since this state was read, before taking over their feeds.
   */
  default void refresh() {}

  /** Writes out what was put; returns when it is safe or the state cannot tell. */
  @Override
  void close();

  /** A state that lasts as long as the process: for one-off runs and tests. */
  static IngestState inMemory() {
    return new InMemory();
  }

  /** The key of a file's mark on the state topic. */
  static String fileKey(String path) {
    return "file:" + path;
  }

  /** The key of a feed's mark on the state topic. */
  static String feedKey(String url) {
    return "feed:" + url;
  }

  final class InMemory implements IngestState {
    private final Map<String, FileMark> files = new ConcurrentHashMap<>();
    private final Map<String, FeedMark> feeds = new ConcurrentHashMap<>();

    @Override
    public Optional<FileMark> file(String path) {
      return Optional.ofNullable(files.get(path));
    }

    @Override
    public void put(FileMark mark) {
      files.put(mark.path(), mark);
    }

    @Override
    public Optional<FeedMark> feed(String url) {
      return Optional.ofNullable(feeds.get(url));
    }

    @Override
    public void put(FeedMark mark) {
      feeds.put(mark.url(), mark);
    }

    @Override
    public void close() {}
  }
}
