package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.core.app.Backups;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.ScanOptions;
import app.wauploader.core.source.WhatsAppLocations;
import app.wauploader.core.source.ZipArchiveSource;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
      paramLabel = "DIR|ZIP",
      description =
          "WhatsApp media folder(s) to back up, or .zip archives (a chat export) read in place"
              + " (repeatable). Default: the standard WhatsApp and WhatsApp Business locations"
              + " that exist.")
  List<String> sources = new ArrayList<>();

  @Option(names = "--include-statuses", description = "Also back up viewed statuses (.Statuses).")
  boolean includeStatuses;

  @Option(names = "--include-stickers", description = "Also back up WhatsApp Stickers.")
  boolean includeStickers;

  @Option(names = "--include-profile-photos", description = "Also back up WhatsApp Profile Photos.")
  boolean includeProfilePhotos;

  @Override
  public Integer call() throws Exception {
    AppDirs dirs = AppDirs.fromEnvironment();
    List<MediaSource> media = media(dirs);
    UploadOptions options =
        transfer
            .options()
            .withScan(new ScanOptions(includeStatuses, includeStickers, includeProfilePhotos));
    Backups backups = transfer.backups(dirs, database.path());
    RunSummary summary =
        transfer.run(
            spec,
            options,
            (control, listener) -> backups.backup(media, options, control, listener));
    return ExitCode.of(summary).code();
  }

  /** The sources: each --source a folder or a .zip archive, or the standard WhatsApp folders. */
  private List<MediaSource> media(AppDirs dirs) {
    List<MediaSource> media = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    for (String source : sources) {
      if (source.trim().isEmpty()) {
        throw new UserError(ExitCode.USAGE, "--source needs a folder or a .zip file, not ''");
      }
      Path path = Paths.get(source);
      if (source.toLowerCase(Locale.ROOT).endsWith(".zip") && !Files.isDirectory(path)) {
        media.add(new ZipArchiveSource(path));
      } else {
        folders.add(path);
      }
    }
    if (sources.isEmpty()) {
      folders.addAll(
          UploadRunner.requireRoots(
              WhatsAppLocations.existing(dirs.home()), WhatsAppLocations.candidates(dirs.home())));
    }
    if (!folders.isEmpty()) {
      media.add(0, new LocalFileSource(folders));
    }
    return media;
  }
}
