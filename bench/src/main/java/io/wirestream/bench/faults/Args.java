package io.wirestream.bench.faults;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options; anything else is a usage error. */
final class Args {

  private final Map<String, String> values = new HashMap<>();

  private Args() {}

  static Args parse(String[] argv, Set<String> valued, Set<String> flags) {
    Args args = new Args();
    for (int i = 0; i < argv.length; i++) {
      String name = argv[i];
      if (flags.contains(name)) {
        args.values.put(name, "true");
      } else if (valued.contains(name)) {
        if (i + 1 >= argv.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        args.values.put(name, argv[++i]);
      } else {
        throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return args;
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }
}
