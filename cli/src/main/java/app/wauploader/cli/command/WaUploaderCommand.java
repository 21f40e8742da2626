package app.wauploader.cli.command;

import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
      DemoCommand.class,
      EmulatorCommand.class,
      CommandLine.HelpCommand.class
    })
public final class WaUploaderCommand {
  /** A {@link CommandLine} with the one exception-to-exit-code mapping installed. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new WaUploaderCommand());
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
    return cli;
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
