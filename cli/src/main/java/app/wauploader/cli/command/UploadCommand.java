package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.core.scan.ScanOptions;
import app.wauploader.core.scan.WhatsAppLocations;
import app.wauploader.core.upload.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code upload}: back up WhatsApp media (the main job). */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description =
        "Back up WhatsApp media: photos/videos to Google Photos albums, the rest to Google Drive folders WhatsApp/<media folder>. Files already uploaded (same SHA-256) are skipped; interrupted uploads resume where the server stopped.")
public final class UploadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;
  @Mixin TransferOptions transfer;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description =
          "WhatsApp media folder(s) to back up (repeatable). Default: the standard WhatsApp and"
              + " WhatsApp Business locations that exist.")
  List<Path> sources = new ArrayList<>();

  @Option(names = "--include-statuses", description = "Also back up viewed statuses (.Statuses).")
  boolean includeStatuses;

  @Option(names = "--include-stickers", description = "Also back up WhatsApp Stickers.")
  boolean includeStickers;

  @Option(names = "--include-profile-photos", description = "Also back up WhatsApp Profile Photos.")
  boolean includeProfilePhotos;

  @Override
  public Integer call() throws Exception {
    AppDirs dirs = AppDirs.fromEnvironment();
    List<Path> roots =
        sources.isEmpty()
            ? UploadRunner.requireRoots(
                WhatsAppLocations.existing(dirs.home()), WhatsAppLocations.candidates(dirs.home()))
            : sources;
    RunSummary summary =
        UploadRunner.run(
            database.path(),
            transfer.endpoint,
            transfer.credentials(dirs),
            transfer
                .options()
                .withScan(new ScanOptions(includeStatuses, includeStickers, includeProfilePhotos)),
            transfer.showProgress(),
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            run -> run.run(roots));
    return ExitCode.of(summary).code();
  }
}
