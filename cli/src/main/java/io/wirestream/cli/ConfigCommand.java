package io.wirestream.cli;

import io.wirestream.common.config.Secrets;
import io.wirestream.common.config.WirestreamConfig;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream config}: every setting with its effective value, default and meaning. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description =
        "Prints every setting with its effective value (after file, environment and options) and"
            + " the layer it came from, secrets hidden; or the reference as Markdown.")
public final class ConfigCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions config;

  @Option(names = "--markdown", description = "Print the settings reference as a Markdown table.")
  boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (markdown) {
      out.println("| setting | environment variable | type | default | valid values | meaning |");
      out.println("|---|---|---|---|---|---|");
      for (ConfigDef.ConfigKey key : WirestreamConfig.DEFINITION.configKeys().values()) {
        out.printf(
            "| `%s` | `%s` | %s | `%s` | %s | %s |%n",
            key.name,
            WirestreamConfig.ENV_PREFIX
                + key.name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'),
            key.type.toString().toLowerCase(java.util.Locale.ROOT),
            key.hasDefault()
                ? documented(ConfigDef.convertToString(key.defaultValue, key.type))
                : "",
            key.validator == null ? "" : key.validator.toString().replace("|", "\\|"),
            key.documentation);
      }
      return 0;
    }
    WirestreamConfig settings = config.load(Map.of());
    // key=value, then where the value came from as a comment: the output stays a properties file.
    for (Map.Entry<String, ?> entry : new TreeMap<>(settings.values()).entrySet()) {
      out.printf(
          "%s=%s  # %s%n",
          entry.getKey(),
          Secrets.show(entry.getKey(), entry.getValue()),
          settings.origin(entry.getKey()));
    }
    new TreeMap<>(settings.kafkaProperties())
        .forEach(
            (k, v) -> {
              if (!"bootstrap.servers".equals(k)) {
                String key = WirestreamConfig.KAFKA_PREFIX + k;
                out.printf("%s=%s  # %s%n", key, Secrets.show(key, v), settings.origin(key));
              }
            });
    return 0;
  }

  /**
   * A default as the reference shows it: one derived from this machine's temporary directory is
   * written as {@code ${java.io.tmpdir}/...}, so the generated page is the same on every machine.
   */
  static String documented(String value) {
    String tmp = System.getProperty("java.io.tmpdir");
    if (value == null || tmp == null || tmp.isEmpty()) {
      return value;
    }
    String dir = tmp.endsWith("/") ? tmp.substring(0, tmp.length() - 1) : tmp;
    return value.startsWith(dir + "/")
        ? "${java.io.tmpdir}" + value.substring(dir.length())
        : value;
  }
}
