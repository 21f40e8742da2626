package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.cli.config.ConfigFile;
import app.wauploader.cli.config.Settings;
import app.wauploader.cli.log.LogOptions;
import app.wauploader.cli.log.Logging;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** The top command: only subcommands. */
@Command(
    name = "wa-uploader",
    mixinStandardHelpOptions = true,
    versionProvider = WaUploaderCommand.Version.class,
    description =
        "Backs up WhatsApp media to your Google account: photos and videos to Google Photos, voice notes, audio, documents and the rest to Google Drive. Identical bytes are uploaded once (SHA-256), uploads resume after crashes, and a local SQLite database records what is done.",
    subcommands = {
      UploadCommand.class,
      ResumeCommand.class,
      ChatsCommand.class,
      DbCommand.class,
      AuthCommand.class,
      StatusCommand.class,
      ErrorsCommand.class,
      DoctorCommand.class,
      FreeUpCommand.class,
      DevicesCommand.class,
      DemoCommand.class,
      EmulatorCommand.class,
      ReportCommand.class,
      ConfigCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class WaUploaderCommand {
  @Mixin LogOptions log = new LogOptions();

  /**
   * A {@link CommandLine} with the one exception-to-exit-code mapping installed, and settings from
   * this process's environment and {@code $XDG_CONFIG_HOME/wa-uploader/config.toml}.
   */
  public static CommandLine commandLine() {
    return commandLine(System.getenv(), AppDirs.fromEnvironment());
  }

  /** The same with the environment and directories given. */
  public static CommandLine commandLine(Map<String, String> env, AppDirs dirs) {
    WaUploaderCommand top = new WaUploaderCommand();
    CommandLine cli = new CommandLine(top);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          ExitCode code = ExitCode.of(e);
          String message = e.getMessage() == null ? e.toString() : e.getMessage();
          if (code == ExitCode.SOFTWARE) {
            message = e.toString();
          }
          if (e instanceof app.wauploader.db.DatabaseException d && d.isCorrupt()) {
            message += " ('wa-uploader db restore' puts back the newest good backup)";
          }
          commandLine.getErr().println("wa-uploader: " + message.replaceAll("\\s+", " ").trim());
          if (code == ExitCode.SOFTWARE) {
            e.printStackTrace(commandLine.getErr());
          }
          return code.code();
        });
    cli.setExitCodeExceptionMapper(e -> ExitCode.of(e).code());
    for (CommandLine sub : cli.getSubcommands().values()) {
      sub.getCommandSpec().usageMessage().footer(ExitCode.helpTable());
    }
    cli.getCommandSpec().usageMessage().footer(ExitCode.helpTable());
    Settings settings =
        new Settings(env, ConfigFile.load(dirs.configFile(), Settings.options(cli)));
    cli.setDefaultValueProvider(settings);
    CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler(
        (e, args) -> {
          java.util.Optional<Settings.Resolved> from =
              e.getArgSpec() == null
                  ? java.util.Optional.empty()
                  : settings.resolve(e.getArgSpec());
          if (from.isPresent()) {
            // A value from the environment or the file is wrong: name where it came from.
            Settings.Origin origin = from.get().origin();
            e.getCommandLine()
                .getErr()
                .println(
                    "wa-uploader: "
                        + (origin.kind().equals("file")
                            ? origin.where() + ": key '" + origin.key() + "'"
                            : origin.where())
                        + ": "
                        + e.getMessage());
            return ExitCode.USAGE.code();
          }
          return usage.handleParseException(e, args);
        });
    cli.setExecutionStrategy(
        parseResult -> {
          java.util.Optional<ConfigFile.Problem> problem = settings.file().problem();
          if (problem.isPresent()) {
            cli.getErr().println("wa-uploader: " + problem.get().describe());
            cli.getErr().flush();
            return ExitCode.USAGE.code();
          }
          try {
            Logging.configure(top.log);
          } catch (IOException e) {
            cli.getErr().println("wa-uploader: " + e.getMessage());
            return ExitCode.INPUT.code();
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    return cli;
  }

  /** The -v/--quiet/--log-file of the command line {@code spec} belongs to. */
  static LogOptions logOptions(CommandSpec spec) {
    Object top = spec.root().userObject();
    return top instanceof WaUploaderCommand w ? w.log : new LogOptions();
  }

  /** The settings in force for the command line {@code spec} belongs to. */
  static Settings settings(CommandSpec spec) {
    return (Settings) spec.root().defaultValueProvider();
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      java.util.Properties build = new java.util.Properties();
      try (java.io.InputStream in =
          WaUploaderCommand.class.getResourceAsStream("/app/wauploader/cli/version.properties")) {
        if (in != null) {
          build.load(in);
        }
      } catch (java.io.IOException e) {
        // fall through to the manifest
      }
      String v =
          build.getProperty(
              "version", WaUploaderCommand.class.getPackage().getImplementationVersion());
      return new String[] {"wa-uploader " + (v == null ? "(unknown version)" : v)};
    }
  }

  /** Raised for user-fixable problems inside commands. */
  static UserError error(ExitCode code, String message) {
    return new UserError(code, message);
  }
}
