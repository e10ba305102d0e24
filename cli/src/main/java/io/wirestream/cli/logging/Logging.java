package io.wirestream.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.wirestream.common.config.WirestreamConfig;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wirestream's logging: one appender on standard error (standard output is for what a command
 * prints: tail, query and extract write data there), in a human format by default or as JSON lines
 * ({@code log.format=json}), with Wirestream's level from {@code log.level}, {@code --quiet} or
 * {@code --verbose}.
 *
 * <p>Kafka's clients and Streams log at WARN and above, which shows failed connections and
 * authentication errors but keeps out the configuration dumps and start-up banners they write at
 * INFO. The broker's own packages, which only the in-process broker of the demo and the tests runs,
 * report transient states (leader elections, a new controller) as warnings, so they log errors
 * only.
 */
public final class Logging {

  /** ISO-8601 local date-time with the zone offset, e.g. 2026-12-02T13:48:38.512+01:00. */
  static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

  /** How much a command's own flags ask for; they win over {@code log.level}. */
  public enum Verbosity {
    QUIET,
    NORMAL,
    VERBOSE
  }

  private static final Map<String, Level> BROKER_SIDE =
      Map.of(
          "kafka", Level.ERROR,
          "state.change.logger", Level.ERROR,
          "org.apache.kafka.server", Level.ERROR,
          "org.apache.kafka.controller", Level.ERROR,
          "org.apache.kafka.raft", Level.ERROR,
          "org.apache.kafka.metadata", Level.ERROR,
          "org.apache.kafka.storage", Level.ERROR,
          "org.apache.kafka.coordinator", Level.ERROR,
          "org.apache.kafka.image", Level.ERROR,
          "org.apache.kafka.queue", Level.ERROR);

  private static volatile Verbosity verbosity = Verbosity.NORMAL;
  private static volatile String format = WirestreamConfig.LOG_FORMAT_TEXT;
  private static volatile String level = "info";

  private Logging() {}

  /** Sets the flags' verbosity and applies it at once (before any setting is read). */
  public static void verbosity(Verbosity wanted) {
    verbosity = wanted;
    apply();
  }

  /** Applies {@code log.format} and {@code log.level} from a loaded configuration. */
  public static void configure(WirestreamConfig config) {
    format = config.getString(WirestreamConfig.LOG_FORMAT);
    level = config.getString(WirestreamConfig.LOG_LEVEL);
    apply();
  }

  /** The level of Wirestream's own loggers that the flags and the setting come to. */
  static Level wirestreamLevel(Verbosity verbosity, String setting) {
    return switch (verbosity) {
      case QUIET -> Level.WARN;
      case VERBOSE -> Level.DEBUG;
      case NORMAL -> Level.toLevel(setting.toUpperCase(Locale.ROOT), Level.INFO);
    };
  }

  static void apply() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      configure(context, format, wirestreamLevel(verbosity, level), verbosity);
    }
  }

  /** Replaces the context's configuration: used at start-up and whenever a setting changes it. */
  static void configure(LoggerContext context, String format, Level own, Verbosity verbosity) {
    context.reset();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("stderr");
    appender.setTarget("System.err");
    appender.setEncoder(encoder(context, format));
    appender.start();

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    context.getLogger("io.wirestream").setLevel(own);
    // Verbose is for finding out what the clients are doing: their INFO lines say it.
    Level kafka = verbosity == Verbosity.VERBOSE ? Level.INFO : Level.WARN;
    context.getLogger("org.apache.kafka").setLevel(kafka);
    BROKER_SIDE.forEach((name, brokerLevel) -> context.getLogger(name).setLevel(brokerLevel));
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
    if (WirestreamConfig.LOG_FORMAT_JSON.equals(format)) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithFormattedMessage(true);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(TEXT_PATTERN);
    text.start();
    return text;
  }
}
