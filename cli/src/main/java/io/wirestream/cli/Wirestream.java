package io.wirestream.cli;

import io.wirestream.cli.logging.Logging;
import io.wirestream.common.config.Secrets;
import io.wirestream.common.dlq.ErrorSummary;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The {@code wirestream} command. */
@Command(
    name = "wirestream",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Streaming news ingestion: articles to Kafka, enriched with entities and dates, stored in SQL.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      BrokerCommand.class,
      AnnotateCommand.class,
      IngestCommand.class,
      FeedsCommand.class,
      EnrichCommand.class,
      SinkCommand.class,
      ConfigCommand.class,
      HealthCommand.class,
      ExtractCommand.class,
      io.wirestream.cli.backfill.ReplayCommand.class,
      io.wirestream.cli.backfill.StatusCommand.class,
      io.wirestream.cli.backfill.ResinkCommand.class,
      io.wirestream.cli.nlp.TrainNerCommand.class,
      io.wirestream.cli.nlp.EvalNerCommand.class,
      io.wirestream.cli.nlp.AnnotateTimemlCommand.class,
      io.wirestream.cli.nlp.EvalTimexCommand.class,
      io.wirestream.cli.nlp.EvalExtractCommand.class,
      io.wirestream.cli.downstream.TailCommand.class,
      io.wirestream.cli.downstream.QueryCommand.class,
    })
public final class Wirestream implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static final String QUIET = "--quiet";
  static final String VERBOSE = "--verbose";

  @Option(
      names = {"-q", QUIET},
      scope = ScopeType.INHERIT,
      description = "Log only warnings and errors of Wirestream (overrides log.level).")
  boolean quiet;

  @Option(
      names = {"-v", VERBOSE},
      scope = ScopeType.INHERIT,
      description =
          "Log Wirestream at debug level and the Kafka clients at info (overrides log.level).")
  boolean verbose;

  public static void main(String[] args) {
    GracefulStop.ownJvm();
    GracefulStop.exit(commandLine().execute(args));
  }

  /** The command line with Wirestream's error handling: a one-line reason and exit code 2. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Wirestream());
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println("wirestream: " + ex.getMessage());
          cmd.getErr()
              .println(
                  "Try '"
                      + cmd.getCommandSpec().qualifiedName()
                      + " --help' for more information.");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          // Some Kafka exceptions have no message of their own; the summary names the type.
          // A file system error's message is often the path alone: its type says what went wrong.
          String reason =
              ex instanceof FileSystemException
                  ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
                  : ErrorSummary.of(ex);
          cmd.getErr().println("wirestream: " + Secrets.mask(reason));
          return ex instanceof UsageException ? 2 : 1;
        });
    CommandLine.RunLast run = new CommandLine.RunLast();
    cli.setExecutionStrategy(
        parseResult -> {
          Logging.verbosity(verbosity(parseResult));
          return run.execute(parseResult);
        });
    return cli;
  }

  /** The flags as given on whichever command of the line they were given. */
  static Logging.Verbosity verbosity(ParseResult parseResult) {
    boolean quiet = false;
    boolean verbose = false;
    for (CommandLine command : parseResult.asCommandLineList()) {
      ParseResult matched = command.getParseResult();
      quiet |= matched != null && matched.hasMatchedOption(QUIET);
      verbose |= matched != null && matched.hasMatchedOption(VERBOSE);
    }
    if (quiet && verbose) {
      throw new CommandLine.ParameterException(
          parseResult.commandSpec().commandLine(), "--quiet and --verbose exclude each other");
    }
    return quiet
        ? Logging.Verbosity.QUIET
        : verbose ? Logging.Verbosity.VERBOSE : Logging.Verbosity.NORMAL;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
