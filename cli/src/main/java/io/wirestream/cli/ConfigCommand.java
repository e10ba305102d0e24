package io.wirestream.cli;

import io.wirestream.common.config.WirestreamConfig;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream config}: every setting with its effective value, default and meaning. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description =
        "Prints every setting with its effective value (after file, environment and options), or the reference as Markdown.")
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
    for (Map.Entry<String, ?> entry : settings.values().entrySet()) {
      Object value = entry.getValue() instanceof Password ? "[hidden]" : entry.getValue();
      out.printf("%s=%s%n", entry.getKey(), value);
    }
    settings
        .kafkaProperties()
        .forEach(
            (k, v) -> {
              if (!"bootstrap.servers".equals(k)) {
                out.printf(
                    "%s%s=%s%n",
                    WirestreamConfig.KAFKA_PREFIX,
                    k,
                    String.valueOf(k).contains("password") || String.valueOf(k).contains("jaas")
                        ? "[hidden]"
                        : v);
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
