package io.wirestream.cli;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.serde.Json;
import io.wirestream.enrich.nlp.Enricher;
import io.wirestream.enrich.nlp.NlpPipeline;
import io.wirestream.ingest.format.ArticleFormat;
import io.wirestream.ingest.format.InputLimits;
import io.wirestream.ingest.format.ParseResult;
import io.wirestream.ingest.source.InputFiles;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream annotate}: the enrich pipeline over article files, without Kafka. */
@Command(
    name = "annotate",
    mixinStandardHelpOptions = true,
    description = {
      "Enriches article files (seed text or JSON lines, as for ingest) with the same NLP pipeline"
          + " and settings (enrich.*) as the enrich service, without Kafka, and writes one"
          + " enriched record per line: the JSON of news.enriched.",
      "An article in a language without models (English is the only one) is written with its"
          + " detected language and enrichment.skipped, without entities or dates, as the enrich"
          + " service does.",
      "Bad records are reported as 'rejected FILE:LINE: reason' on standard error and skipped."
          + " On a terminal, progress goes to standard error."
    })
public final class AnnotateCommand implements Callable<Integer> {

  private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions config;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or directories to read.")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where the enriched records go (default: standard output).")
  Path out;

  @Option(
      names = "--source",
      description = "Source name for records that do not name one (default: 'files').")
  String source = "files";

  private long annotated;
  private long skipped;
  private long rejected;

  @Override
  public Integer call() throws IOException {
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new UsageException("no such file or directory: " + input);
      }
    }
    if (out != null && Files.isDirectory(out)) {
      throw new UsageException("--out " + out + " is a directory");
    }
    WirestreamConfig settings = config.load(Map.of());
    InputLimits limits = InputLimits.from(settings);
    Enricher enricher = NlpPipeline.from(settings).enricher();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, System.console() != null);
    try (Writer records = open()) {
      for (Path file : InputFiles.expand(inputs)) {
        try {
          ArticleFormat.forFile(file, source, limits)
              .read(
                  file,
                  result -> {
                    if (result instanceof ParseResult.Parsed parsed) {
                      write(records, enricher, parsed, err);
                    } else {
                      reject(err, result.toString());
                    }
                    progress.show(annotated, skipped, rejected);
                  });
        } catch (IOException e) {
          reject(err, file + ": cannot read: " + e);
        }
      }
      records.flush();
    }
    progress.done(annotated, skipped, rejected);
    err.flush();
    return 0;
  }

  private Writer open() throws IOException {
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      // Not closed with the command: picocli still writes to it; an error shows in checkError.
      return new FilterWriter(stdout) {
        @Override
        public void close() throws IOException {
          stdout.flush();
          if (stdout.checkError()) {
            throw new IOException("cannot write standard output");
          }
        }
      };
    }
    return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
  }

  /** The checks and the JSON of the enrich topology, so a record here is one of news.enriched. */
  private void write(
      Writer records, Enricher enricher, ParseResult.Parsed parsed, PrintWriter err) {
    Article article = parsed.article();
    String line;
    try {
      if (article.body().isBlank()) {
        throw new IllegalArgumentException("article " + article.id() + " has an empty body");
      }
      EnrichedArticle enriched = enricher.enrich(article);
      if (enriched.enrichment().skipped() != null) {
        skipped++;
      }
      line = Json.MAPPER.writeValueAsString(enriched);
    } catch (IOException | RuntimeException e) {
      reject(err, parsed.location() + ": " + e.getMessage());
      return;
    }
    try {
      records.write(line);
      records.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + (out == null ? "standard output" : out), e);
    }
    annotated++;
  }

  private void reject(PrintWriter err, String what) {
    rejected++;
    err.println("rejected " + what);
  }

  /** A line on a terminal, rewritten in place about once a second. */
  private static final class Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long shown = started;

    Progress(PrintWriter err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    void show(long annotated, long skipped, long rejected) {
      long now = System.nanoTime();
      if (terminal && now - shown >= PROGRESS_EVERY_NANOS) {
        shown = now;
        err.print("\r" + line(annotated, skipped, rejected, now));
        err.flush();
      }
    }

    void done(long annotated, long skipped, long rejected) {
      if (terminal) {
        err.println("\r" + line(annotated, skipped, rejected, System.nanoTime()));
      }
    }

    /** Skipped articles are among the annotated: written with their language, not analysed. */
    private String line(long annotated, long skipped, long rejected, long now) {
      return String.format(
          Locale.ROOT,
          "annotated %d (not analysed, language without models: %d), rejected %d, %.0f/s",
          annotated,
          skipped,
          rejected,
          rate(annotated, now));
    }

    private double rate(long count, long now) {
      return count * 1e9 / Math.max(1, now - started);
    }
  }
}
