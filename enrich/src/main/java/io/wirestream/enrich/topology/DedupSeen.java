package io.wirestream.enrich.topology;

/** An article a fingerprint store holds under a fingerprint. */
public record DedupSeen(String id, long published, Long simhash) {

  /** True if this article comes first in the order that decides which copy is the original. */
  boolean before(String otherId, long otherPublished) {
    return published != otherPublished ? published < otherPublished : id.compareTo(otherId) < 0;
  }
}
