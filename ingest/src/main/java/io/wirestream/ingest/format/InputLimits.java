package io.wirestream.ingest.format;

import io.wirestream.common.config.WirestreamConfig;

/**
 * The most bytes ingest holds of one input record, so that one huge line or file costs a rejection,
 * not the heap.
 *
 * @param maxLineBytes longest JSON line, newline excluded
 * @param maxFileBytes largest seed text file (one article)
 */
public record InputLimits(int maxLineBytes, int maxFileBytes) {

  public InputLimits {
    if (maxLineBytes < 1 || maxFileBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public static InputLimits from(WirestreamConfig config) {
    return new InputLimits(
        config.getInt(WirestreamConfig.INGEST_MAX_LINE_BYTES),
        config.getInt(WirestreamConfig.INGEST_MAX_FILE_BYTES));
  }
}
