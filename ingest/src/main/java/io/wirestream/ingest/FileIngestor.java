package io.wirestream.ingest;

import io.wirestream.ingest.format.ArticleFormat;
import io.wirestream.ingest.format.InputLimits;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.source.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 */
public final class FileIngestor {

  private static final Logger LOG = LoggerFactory.getLogger(FileIngestor.class);

  private final List<Path> inputs;
  private final String source;
  private final InputLimits limits;
  // Written by producer threads as deliveries complete, read by the passes.
  private final Map<Path, Stamp> done = new ConcurrentHashMap<>();
  private final Map<Path, InFlight> inFlight = new ConcurrentHashMap<>();

  private record Stamp(long size, FileTime modified) {}

  private record InFlight(Stamp stamp, Delivery delivery) {}

  public FileIngestor(List<Path> inputs, String source, InputLimits limits) {
    this.inputs = List.copyOf(inputs);
    this.source = source;
    this.limits = limits;
  }

  /**
   * Reads every input file that is neither done in its current state nor still being delivered.
   *
   * @return the number of files read in this pass
   */
  public int pass(
      ArticlePublisher publisher, IngestStats stats, Consumer<ParseResult.Rejected> rejections) {
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
      read++;
      stats.countFile();
      read(file, stamp, publisher, stats, rejections);
    }
    return read;
  }

  /** Files read whose delivery has not completed yet. */
  public int filesInFlight() {
    return inFlight.size();
  }

  private void read(
      Path file,
      Stamp stamp,
      ArticlePublisher publisher,
      IngestStats stats,
      Consumer<ParseResult.Rejected> rejections) {
    AtomicReference<InFlight> entry = new AtomicReference<>();
    Delivery delivery = publisher.open(file.toString(), d -> completed(file, entry.get(), d));
    entry.set(new InFlight(stamp, delivery));
    inFlight.put(file, entry.get());
    Consumer<ParseResult.Rejected> reject =
        rejected -> {
          stats.countRejected(rejected.reason());
          delivery.countRejected();
          rejections.accept(rejected);
        };
    try {
      ArticleFormat.forFile(file, source, limits)
          .read(
              file,
              result -> {
                if (result instanceof ParseResult.Parsed parsed) {
                  String refused = publisher.publish(delivery, parsed.article(), parsed.location());
                  if (refused != null) {
                    reject.accept(new ParseResult.Rejected(parsed.location(), refused));
                  }
                } else if (result instanceof ParseResult.Rejected rejected) {
                  reject.accept(rejected);
                }
              });
    } catch (IOException e) {
      // Reported once; the file is read again when it changes.
      reject.accept(new ParseResult.Rejected(file.toString(), "cannot read: " + e));
    } finally {
      delivery.seal();
    }
  }

  private void completed(Path file, InFlight entry, Delivery delivery) {
    if (delivery.succeeded()) {
      done.put(file, entry.stamp());
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
