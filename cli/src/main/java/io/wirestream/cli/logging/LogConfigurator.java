package io.wirestream.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.wirestream.common.config.WirestreamConfig;

/**
 * Logback's start-up configuration, found through {@code META-INF/services}: the same as {@link
 * Logging} with the defaults, so what is logged before a command has read its settings (or when it
 * reads none) already has the right format and levels, without a separate logback.xml to keep in
 * step.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    Logging.configure(
        context, WirestreamConfig.LOG_FORMAT_TEXT, Level.INFO, Logging.Verbosity.NORMAL);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
