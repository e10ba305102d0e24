package io.wirestream.ingest.registry;

import java.time.Instant;

/** A registered feed, the value of its record on {@code news.feeds}. */
public record FeedEntry(String url, Instant added) {}
