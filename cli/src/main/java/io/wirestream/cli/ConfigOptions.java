package io.wirestream.cli;

import io.wirestream.cli.logging.Logging;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.kafka.BrokerCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Option;

/** Options every service command shares: where the config comes from, and overrides of it. */
public final class ConfigOptions {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Properties file of Wirestream settings (see docs/configuration.md).")
  Path configFile;

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers (setting bootstrap.servers).")
  String bootstrapServers;

  @Option(
      names = {"-D", "--set"},
      paramLabel = "KEY=VALUE",
      description =
          "Any setting, e.g. -D topic.raw=wire.raw or -D kafka.security.protocol=SASL_SSL"
              + " (kafka.* keys pass through to the Kafka clients).")
  Map<String, String> settings = new LinkedHashMap<>();

  /**
   * Defaults, then the file, then {@code WIRESTREAM_*} variables, then these options.
   *
   * @param commandOverrides settings the calling command derives from its own options
   */
  public WirestreamConfig load(Map<String, String> commandOverrides) {
    return load(commandOverrides, System.getenv());
  }

  /**
   * {@link #load(Map)}, then waits for the Kafka cluster to answer (at most {@code
   * broker.connect.timeout.ms}): for every command that needs Kafka, so that a wrong address ends
   * the command at once with one message that names it.
   */
  public WirestreamConfig loadConnected(Map<String, String> commandOverrides) {
    WirestreamConfig settings = load(commandOverrides);
    BrokerCheck.require(settings);
    return settings;
  }

  /** The config file given with {@code -c}, or null. */
  public Path configFile() {
    return configFile;
  }

  /** The settings given with {@code -b} and {@code -D}. */
  public Map<String, String> overrides() {
    Map<String, String> overrides = new LinkedHashMap<>(settings);
    if (bootstrapServers != null) {
      overrides.put(WirestreamConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    return overrides;
  }

  WirestreamConfig load(Map<String, String> commandOverrides, Map<String, String> environment) {
    if (configFile != null && !Files.isReadable(configFile)) {
      throw new UsageException("cannot read config file " + configFile);
    }
    Map<String, String> overrides = overrides();
    overrides.putAll(commandOverrides);
    try {
      WirestreamConfig config = WirestreamConfig.load(configFile, environment, overrides);
      Logging.configure(config);
      return config;
    } catch (ConfigException e) {
      throw new UsageException("bad configuration: " + e.getMessage());
    }
  }
}
