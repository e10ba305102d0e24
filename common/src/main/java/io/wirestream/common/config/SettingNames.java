package io.wirestream.common.config;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * Checks that every key given to Wirestream names a declared setting, so that a typo such as {@code
 * sink.batchsize} is an error at start-up instead of a default silently kept.
 */
final class SettingNames {

  /**
   * Variables with the {@code WIRESTREAM_} prefix that the launcher, the test suite and the
   * benchmark scripts read themselves; they are not settings.
   */
  static final Set<String> TOOL_VARIABLES =
      Set.of(
          "WIRESTREAM_JAVA_OPTS",
          "WIRESTREAM_REQUIRE_POSTGRES",
          "WIRESTREAM_TEST_POSTGRES_URL",
          "WIRESTREAM_REUTERS");

  private SettingNames() {}

  /**
   * @param key the setting name
   * @param origin where it came from, for the message (a file, a variable, an option)
   * @throws ConfigException if the key is empty or is neither declared nor a {@code kafka.}
   *     pass-through
   */
  static void check(Set<String> declared, String key, String origin) {
    if (key == null || key.isBlank()) {
      throw new ConfigException("empty setting name" + from(origin));
    }
    if (declared.contains(key)) {
      return;
    }
    if (key.startsWith(WirestreamConfig.KAFKA_PREFIX)) {
      if (key.length() == WirestreamConfig.KAFKA_PREFIX.length()) {
        throw new ConfigException("empty Kafka setting name after 'kafka.'" + from(origin));
      }
      return;
    }
    String hint = nearest(declared, key).map(n -> "; did you mean " + n + "?").orElse("");
    throw new ConfigException("unknown setting '" + key + "'" + from(origin) + hint);
  }

  private static String from(String origin) {
    return origin == null ? "" : " (from " + origin + ")";
  }

  /** The declared name closest by edit distance, if it is close enough to be a likely typo. */
  static Optional<String> nearest(Set<String> declared, String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return declared.stream()
        .min(Comparator.comparingInt((String name) -> distance(lower, name)).thenComparing(n -> n))
        .filter(name -> distance(lower, name) <= Math.max(2, name.length() / 4));
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
