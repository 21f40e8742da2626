package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.core.app.Backups;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code resume}: continue paused or interrupted work without scanning the folders again. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description =
        "Continue a paused or interrupted upload session: half-sent files resume from the byte Google acknowledged, uploaded Photos items are committed, files waiting after a quota or failures are tried when their time has come (--now: at once). When everything still waits, says until when and changes nothing. Without SESSION_ID, the newest paused or interrupted session continues, with every open file. ('upload' on the same folders resumes too, and also picks up new files.)")
public final class ResumeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;
  @Mixin TransferOptions transfer;

  @Parameters(
      arity = "0..1",
      paramLabel = "SESSION_ID",
      description = "The session to continue (see 'wa-uploader status').")
  Long session;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "0",
      description = "Work on at most N files (default: all).")
  int limit;

  @Override
  public Integer call() throws Exception {
    if (limit < 0) {
      throw new UserError(ExitCode.USAGE, "--limit must be 0 (all) or more");
    }
    AppDirs dirs = AppDirs.fromEnvironment();
    UploadOptions options = transfer.options();
    Backups backups = transfer.backups(dirs, database.path());
    RunSummary summary =
        transfer.run(
            spec,
            options,
            (control, listener) ->
                backups.resume(Optional.ofNullable(session), limit, options, control, listener));
    return ExitCode.of(summary).code();
  }
}
