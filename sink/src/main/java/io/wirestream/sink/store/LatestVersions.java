package io.wirestream.sink.store;

import io.wirestream.common.model.EnrichedArticle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest enrichment of each article in a batch: the highest enrichment version, then the
 * highest revision. Of equal ones the later record wins, as it would if the records had been
 * written one by one; upserting one row per id also keeps a batch from touching the same row twice.
 * The order is the one the upsert's condition applies against what the store holds.
 */
final class LatestVersions {

  static final Comparator<EnrichedArticle> ORDER =
      Comparator.comparingInt(LatestVersions::version).thenComparingInt(LatestVersions::revision);

  private LatestVersions() {}

  static List<EnrichedArticle> of(List<EnrichedArticle> batch) {
    Map<String, EnrichedArticle> latest = new LinkedHashMap<>();
    for (EnrichedArticle record : batch) {
      latest.merge(
          record.article().id(),
          record,
          (kept, next) -> ORDER.compare(next, kept) >= 0 ? next : kept);
    }
    return new ArrayList<>(latest.values());
  }

  static int version(EnrichedArticle record) {
    return record.enrichment().version();
  }

  /** The article's revision, 0 for the first version (which carries none). */
  static int revision(EnrichedArticle record) {
    Integer revision = record.article().revision();
    return revision == null ? 0 : revision;
  }

  /** What tells two records of one article apart for this order, as a map key. */
  static String key(EnrichedArticle record) {
    return record.article().id() + '\u0000' + version(record) + '\u0000' + revision(record);
  }
}
