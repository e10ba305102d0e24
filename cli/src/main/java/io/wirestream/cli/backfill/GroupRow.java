package io.wirestream.cli.backfill;

/**
 * One line of {@code wirestream status}: a group's standing on one topic.
 *
 * @param role enrich (reads the raw topic) or sink (reads the enriched topic)
 * @param lag records on the topic's partitions after the group's committed offsets
 * @param recordsPerSecond committed offsets gained per second over the sampling interval
 * @param version enrichment version the group writes, or null if unknown or not an enrich
 * @param versionSource where {@code version} comes from
 */
record GroupRow(
    String group,
    String role,
    String state,
    int members,
    String topic,
    int partitions,
    long lag,
    double recordsPerSecond,
    Integer version,
    String versionSource) {}
