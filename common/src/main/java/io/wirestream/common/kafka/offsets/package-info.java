/**
 * Offsets for operating a pipeline: ranges of a topic by time, a group's committed offsets and lag.
 * Shared by replays, status and store rebuilds, which all measure progress in offsets.
 */
package io.wirestream.common.kafka.offsets;
