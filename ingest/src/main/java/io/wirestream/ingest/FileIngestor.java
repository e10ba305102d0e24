package io.wirestream.ingest;

import io.wirestream.ingest.format.ArticleFormat;
import io.wirestream.ingest.format.InputLimits;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.page.PageCompletion;
import io.wirestream.ingest.page.PageFetcher;
import io.wirestream.ingest.source.InputFiles;
import io.wirestream.ingest.state.ContentHash;
import io.wirestream.ingest.state.FileMark;
import io.wirestream.ingest.state.IngestState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads article files and directories and hands every article to a publisher; rejections go to a
 * listener with file, line and reason, and reading goes on.
 *
 * <p>A file counts as done only once every article read from it is acknowledged by the broker (or
 * dead-lettered); then its size and modification time are remembered, and a following ingest
 * re-reads only files that are new or changed, or whose articles were not all delivered. Reading a
 * file again republishes its articles under the same ids, which downstream stages treat as the same
 * articles.
 *
 * <p>With a transactional publisher, every commit carries a mark of each file being read with the
 * number of its records handed over so far, so an ingest killed in the middle of a file and started
 * again goes on after the last committed record instead of publishing the file again.
 */
public final class FileIngestor {

  private static final Logger LOG = LoggerFactory.getLogger(FileIngestor.class);

  private final List<Path> inputs;
  private final String source;
  private final InputLimits limits;
  // Written by producer threads as deliveries complete, read by the passes.
  private final Map<Path, Stamp> done = new ConcurrentHashMap<>();
  private final Map<Path, InFlight> inFlight = new ConcurrentHashMap<>();

  private final IngestState state;
  private final PageFetcher pages;

  private record Stamp(long size, FileTime modified) {}

  private record InFlight(Stamp stamp, String sha256, Delivery delivery, AtomicLong handled) {}

  /** What to read of a file: its content hash, and how many of its records are published. */
  private record Resume(String sha256, long skip) {}

  public FileIngestor(List<Path> inputs, String source, InputLimits limits) {
    this(inputs, source, limits, IngestState.inMemory());
  }

  public FileIngestor(List<Path> inputs, String source, InputLimits limits, IngestState state) {
    this(inputs, source, limits, state, null);
  }

  /**
   * @param pages fetches the page of a JSON-lines record that has a {@code url} and no body; null
   *     to reject such records
   */
  public FileIngestor(
      List<Path> inputs, String source, InputLimits limits, IngestState state, PageFetcher pages) {
    this.inputs = List.copyOf(inputs);
    this.source = source;
    this.limits = limits;
    this.state = state;
    this.pages = pages;
  }

  /**
   * Reads every input file that is neither done in its current state nor still being delivered.
   *
   * @return the number of files read in this pass
   */
  public int pass(
      ArticlePublisher publisher, IngestStats stats, Consumer<ParseResult.Rejected> rejections) {
    publisher.beforeCommit(this, this::checkpoint);
    int read = 0;
    for (Path file : InputFiles.expand(inputs)) {
      Stamp stamp;
      try {
        stamp = new Stamp(Files.size(file), Files.getLastModifiedTime(file));
      } catch (IOException e) {
        LOG.warn("cannot read {}: {}", file, e.toString());
        continue;
      }
      InFlight pending = inFlight.get(file);
      if (stamp.equals(done.get(file)) || (pending != null && pending.stamp().equals(stamp))) {
        continue;
      }
      Resume resume;
      try {
        resume = unchangedSince(file, stamp);
      } catch (IOException e) {
        // Unknown content: read it anyway, and the read reports why it cannot be.
        resume = new Resume("", 0);
      }
      if (resume == null) {
        continue;
      }
      read++;
      stats.countFile();
      read(file, stamp, resume, publisher, stats, rejections);
    }
    return read;
  }

  /**
   * Checks a file against its mark from an earlier run: null if it was delivered as it is now (and
   * is then counted done), else its content hash and how many of its records an interrupted earlier
   * run committed.
   */
  private Resume unchangedSince(Path file, Stamp stamp) throws IOException {
    String key = key(file);
    FileMark mark = state.file(key).orElse(null);
    boolean sameStamp =
        mark != null
            && mark.size() == stamp.size()
            && mark.modifiedMillis() == stamp.modified().toMillis();
    if (sameStamp && mark.done()) {
      done.put(file, stamp);
      return null;
    }
    String sha256 = ContentHash.of(file);
    boolean sameContent =
        mark != null && mark.size() == stamp.size() && mark.sha256().equals(sha256);
    if (sameContent && mark.done()) {
      // Touched, not changed: remember the new time so the file is not hashed on every pass.
      done.put(file, stamp);
      state.put(
          new FileMark(
              key, stamp.size(), stamp.modified().toMillis(), sha256, mark.records(), null));
      return null;
    }
    if (sameContent && mark.records() != null) {
      LOG.info("{}: resuming after the {} records committed before", file, mark.records());
      return new Resume(sha256, mark.records());
    }
    if (grew(file, mark, stamp)) {
      LOG.info("{}: grew; reading the lines after its {} records", file, mark.records());
      return new Resume(sha256, mark.records());
    }
    return new Resume(sha256, 0);
  }

  /**
   * True if a JSON-lines file that was done now holds what it held then, whole lines, and more:
   * lines appended, which are the only records to read.
   */
  private static boolean grew(Path file, FileMark mark, Stamp stamp) throws IOException {
    if (mark == null
        || !mark.done()
        || mark.records() == null
        || stamp.size() <= mark.size()
        || !ArticleFormat.isJsonLines(file)) {
      return false;
    }
    return mark.sha256().equals(ContentHash.ofLeadingLines(file, mark.size()));
  }

  /**
   * Before a commit: the mark of every file being read, with the records handed over so far (or
   * done, once the file is read to its end), so the commit carries them with those records.
   */
  private void checkpoint() {
    for (Map.Entry<Path, InFlight> entry : inFlight.entrySet()) {
      InFlight file = entry.getValue();
      Delivery delivery = file.delivery();
      long handled = file.handled().get();
      if (delivery.undelivered() > 0 || (handled == 0 && !delivery.isSealed())) {
        continue; // records lost: the file is read again from its last committed mark
      }
      state.put(
          new FileMark(
              key(entry.getKey()),
              file.stamp().size(),
              file.stamp().modified().toMillis(),
              file.sha256(),
              handled,
              delivery.isSealed() ? null : true));
    }
  }

  private static String key(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  /** Files read whose delivery has not completed yet. */
  public int filesInFlight() {
    return inFlight.size();
  }

  private void read(
      Path file,
      Stamp stamp,
      Resume resume,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections) {
    AtomicReference<InFlight> entry = new AtomicReference<>();
    Delivery delivery = publisher.open(file.toString(), d -> completed(file, entry.get(), d));
    AtomicLong handled = new AtomicLong(resume.skip());
    AtomicLong seen = new AtomicLong();
    entry.set(new InFlight(stamp, resume.sha256(), delivery, handled));
    inFlight.put(file, entry.get());
    Consumer<ParseResult.Rejected> reject =
        rejected -> {
          stats.countRejected(rejected.reason());
          delivery.countRejected();
          rejections.accept(rejected);
        };
    PageCompletion completion = pages == null ? null : new PageCompletion(pages, stats::countPage);
    boolean interrupted = false;
    try {
      ArticleFormat.forFile(file, source, limits, pages != null)
          .read(
              file,
              read -> {
                if (seen.getAndIncrement() < resume.skip()) {
                  return; // committed by an earlier run
                }
                ParseResult result = completion == null ? read : completion.complete(read);
                if (result instanceof ParseResult.Parsed parsed) {
                  String refused = publisher.publish(delivery, parsed.article(), parsed.location());
                  if (refused != null) {
                    reject.accept(new ParseResult.Rejected(parsed.location(), refused));
                  }
                } else if (result instanceof ParseResult.Rejected rejected) {
                  reject.accept(rejected);
                }
                // After the hand-over, on this thread: a commit never separates the two.
                handled.incrementAndGet();
              });
    } catch (IOException e) {
      // Reported once; the file is read again when it changes.
      reject.accept(new ParseResult.Rejected(file.toString(), "cannot read: " + e));
    } catch (PageCompletion.Interrupted e) {
      // Stopping while a page was fetched: the file stays unsealed, so it is not marked done and
      // a following ingest reads it again rather than lose the records after this one.
      interrupted = true;
      Thread.currentThread().interrupt();
    } finally {
      if (!interrupted) {
        delivery.seal();
      }
    }
  }

  private void completed(Path file, InFlight entry, Delivery delivery) {
    if (delivery.succeeded()) {
      done.put(file, entry.stamp());
      state.put(
          new FileMark(
              key(file),
              entry.stamp().size(),
              entry.stamp().modified().toMillis(),
              entry.sha256(),
              entry.handled().get(),
              null));
      LOG.info(
          "{} done: {} articles published, {} dead-lettered, {} rejected",
          file,
          delivery.published(),
          delivery.deadLettered(),
          delivery.rejected());
    } else {
      LOG.warn(
          "{} not done: {} of {} articles not acknowledged by the broker",
          file,
          delivery.undelivered(),
          delivery.handedOver());
    }
    inFlight.remove(file, entry);
  }
}
