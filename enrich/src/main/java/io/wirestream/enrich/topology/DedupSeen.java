package io.wirestream.enrich.topology;

/**
 * An article a fingerprint store holds under a fingerprint.
 *
 * @param copy whether it matched an article already held when it came (null in entries written
 *     before this was kept: taken as false)
 */
public record DedupSeen(String id, long published, Long simhash, Boolean copy) {

  public DedupSeen(String id, long published, Long simhash) {
    this(id, published, simhash, false);
  }

  boolean isCopy() {
    return Boolean.TRUE.equals(copy);
  }

  /** True if this article comes first in the order that decides which copy is the original. */
  boolean before(String otherId, long otherPublished) {
    return published != otherPublished ? published < otherPublished : id.compareTo(otherId) < 0;
  }
}
