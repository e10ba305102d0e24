package io.wirestream.sink.store;

import io.wirestream.common.model.EnrichedArticle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest enrichment of each article in a batch. Of equal versions the later record wins, as it
 * would if the records had been written one by one; upserting one row per id also keeps a batch
 * from touching the same row twice.
 */
final class LatestVersions {

  private LatestVersions() {}

  static List<EnrichedArticle> of(List<EnrichedArticle> batch) {
    Map<String, EnrichedArticle> latest = new LinkedHashMap<>();
    for (EnrichedArticle record : batch) {
      latest.merge(
          record.article().id(),
          record,
          (kept, next) -> version(next) >= version(kept) ? next : kept);
    }
    return new ArrayList<>(latest.values());
  }

  static int version(EnrichedArticle record) {
    return record.enrichment().version();
  }
}
