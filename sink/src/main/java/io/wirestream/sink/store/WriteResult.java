package io.wirestream.sink.store;

/**
 * What a batch write did with its records: {@code written + stale} is the batch size.
 *
 * @param written records whose enrichment is now in the store; another record of the same article,
 *     version and revision in the batch counts too, as writing it alone would have left the same
 *     rows
 * @param stale records skipped because the store or the same batch holds a newer enrichment version
 *     of that article, or a higher revision at the same version
 */
public record WriteResult(int written, int stale) {

  public static final WriteResult NONE = new WriteResult(0, 0);

  public WriteResult plus(WriteResult other) {
    return new WriteResult(written + other.written, stale + other.stale);
  }
}
