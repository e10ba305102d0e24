package io.wirestream.common.topic;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values: the one place code learns both, so a producer and
 * its consumers cannot disagree.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
