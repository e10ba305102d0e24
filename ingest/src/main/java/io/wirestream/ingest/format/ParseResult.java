package io.wirestream.ingest.format;

import io.wirestream.common.model.Article;

/** What one input record turned into: an article, or a rejection with the reason. */
public sealed interface ParseResult {

  /** Where the record came from: file and 1-based line. */
  String location();

  record Parsed(Article article, String location) implements ParseResult {}

  record Rejected(String location, String reason) implements ParseResult {
    @Override
    public String toString() {
      return location + ": " + reason;
    }
  }
}
