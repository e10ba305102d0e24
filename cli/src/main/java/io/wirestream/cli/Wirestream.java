package io.wirestream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
      io.wirestream.cli.backfill.ReplayCommand.class,
      io.wirestream.cli.backfill.StatusCommand.class,
      io.wirestream.cli.backfill.ResinkCommand.class,
      io.wirestream.cli.nlp.TrainNerCommand.class,
      io.wirestream.cli.nlp.EvalNerCommand.class,
      io.wirestream.cli.nlp.AnnotateTimemlCommand.class,
      io.wirestream.cli.nlp.EvalTimexCommand.class,
      io.wirestream.cli.downstream.TailCommand.class,
      io.wirestream.cli.downstream.QueryCommand.class,
    })
public final class Wirestream implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
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
          cmd.getErr().println("wirestream: " + ex.getMessage());
          return ex instanceof UsageException ? 2 : 1;
        });
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
