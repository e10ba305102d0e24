package io.wirestream.enrich.topology;

/**
 * What one probe found, on its way back to the raw record's partition.
 *
 * @param originalId the article the probe's fingerprint matched, or null for none
 * @param originalPublished its publication time, epoch milliseconds
 */
public record DedupVerdict(
    String kind, int partition, long offset, String originalId, long originalPublished) {}
