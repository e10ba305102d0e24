package io.wirestream.ingest.feed;

import io.wirestream.ingest.format.ParseResult;
import java.util.List;

/** A parsed feed document: one result per item, and what the feed says about its updates. */
public record ParsedFeed(List<ParseResult> items, FeedHints hints) {}
