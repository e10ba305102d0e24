package io.wirestream.common.topic;

import java.util.Map;

/** How a topic is created: partitions, replication and topic-level configs. */
public record TopicSpec(
    String name, int partitions, short replicationFactor, Map<String, String> configs) {

  public TopicSpec {
    configs = Map.copyOf(configs);
  }
}
