package io.wirestream.ingest.source;

import io.wirestream.ingest.ArticleSource;
import io.wirestream.ingest.IngestSink;
import io.wirestream.ingest.format.ParseResult;
import java.time.Duration;
import java.util.List;

/**
 * Input found bad before any source ran (an entry of a feed list that is no URL): reported once,
 * like every other rejection, on the dead-letter topic and standard error.
 */
final class Problems implements ArticleSource {

  private final String what;
  private final List<ParseResult.Rejected> problems;
  private boolean reported;

  Problems(String what, List<ParseResult.Rejected> problems) {
    this.what = what;
    this.problems = List.copyOf(problems);
  }

  @Override
  public String describe() {
    return what;
  }

  @Override
  public void poll(IngestSink sink) {
    if (!reported) {
      problems.forEach(p -> sink.reject(null, p));
      reported = true;
    }
  }

  @Override
  public Duration untilDue() {
    return Duration.ofDays(1);
  }

  @Override
  public boolean finished() {
    return reported;
  }

  @Override
  public void close() {}
}
