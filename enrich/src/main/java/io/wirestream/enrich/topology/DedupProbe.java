package io.wirestream.enrich.topology;

/**
 * One fingerprint of one raw record, on its way to the task that owns the fingerprint.
 *
 * @param kind what the key is of: {@code url}, {@code body}, {@code title}, {@code simhash}, or
 *     {@code pass} for a record that is checked for nothing and only comes back
 * @param window how far apart, in milliseconds of publication time, two articles may be to match
 * @param simhash the body's SimHash, compared with those of a band's other articles
 * @param partition the raw record's partition, to which the verdict goes back
 * @param offset the raw record's offset, which names the pending record there
 */
public record DedupProbe(
    String kind,
    String id,
    long published,
    long window,
    Long simhash,
    int partition,
    long offset) {}
