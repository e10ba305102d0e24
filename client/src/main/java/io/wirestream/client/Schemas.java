package io.wirestream.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schemas of Wirestream's topics, as shipped in this jar (copied from docs/schemas at
 * build time), so a consumer can validate records against the exact version it was built with.
 */
public final class Schemas {

  public static final String ENRICHED = "news.enriched.schema.json";
  public static final String RAW = "news.raw.schema.json";
  public static final String DEAD_LETTER_HEADERS = "news.dlq.headers.schema.json";

  private Schemas() {}

  /** The text of one schema file, e.g. {@link #ENRICHED}. */
  public static String text(String file) {
    try (InputStream in = Schemas.class.getResourceAsStream("schemas/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema '" + file + "' in the client jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
