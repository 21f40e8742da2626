package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.cli.auth.GoogleSignIn;
import app.wauploader.cli.auth.TokenStore;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.scan.ScanOptions;
import app.wauploader.core.scan.WhatsAppLocations;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import com.google.api.client.http.HttpRequestInitializer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    description = {
      "Back up WhatsApp media: photos/videos to Google Photos albums, the rest to Google Drive",
      "folders WhatsApp/<media folder>. Files already uploaded (same SHA-256) are skipped;",
      "interrupted uploads resume where the server stopped."
    })
public final class UploadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description =
          "WhatsApp media folder(s) to back up (repeatable). Default: the standard WhatsApp and"
              + " WhatsApp Business locations that exist.")
  List<Path> sources = new ArrayList<>();

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "Send every Google call (Drive, Photos, OAuth) to this base URL with Google's paths,"
              + " e.g. the emulator's http://127.0.0.1:PORT. Default: the real Google endpoints.")
  URI endpoint;

  @Option(names = "--dry-run", description = "Hash and plan, but send nothing and write nothing.")
  boolean dryRun;

  @Option(
      names = "--transfers",
      paramLabel = "N",
      defaultValue = "3",
      description = "Parallel transfers, 1..16 (default: ${DEFAULT-VALUE}).")
  int transfers;

  @Option(
      names = "--chunk-size",
      paramLabel = "MiB",
      defaultValue = "8",
      description = "Upload chunk size in MiB (a multiple of 0.25; default: ${DEFAULT-VALUE}).")
  double chunkMib;

  @Option(names = "--include-statuses", description = "Also back up viewed statuses (.Statuses).")
  boolean includeStatuses;

  @Option(names = "--include-stickers", description = "Also back up WhatsApp Stickers.")
  boolean includeStickers;

  @Option(names = "--include-profile-photos", description = "Also back up WhatsApp Profile Photos.")
  boolean includeProfilePhotos;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    AppDirs dirs = AppDirs.fromEnvironment();
    List<Path> roots =
        sources.isEmpty()
            ? UploadRunner.requireRoots(
                WhatsAppLocations.existing(dirs.home()), WhatsAppLocations.candidates(dirs.home()))
            : sources;
    UploadOptions options = options();
    HttpRequestInitializer credentials = credentials(dirs);
    RunSummary summary =
        UploadRunner.run(
            database.path(),
            roots,
            endpoint,
            credentials,
            options,
            !noProgress && System.console() != null,
            spec.commandLine().getOut(),
            spec.commandLine().getErr());
    return ExitCode.of(summary).code();
  }

  private UploadOptions options() {
    long chunkBytes = Math.round(chunkMib * 1024 * 1024);
    if (chunkBytes <= 0
        || chunkBytes % UploadOptions.CHUNK_GRANULARITY != 0
        || chunkBytes > 256L << 20) {
      throw new UserError(
          ExitCode.USAGE, "--chunk-size must be a multiple of 0.25 MiB, at most 256");
    }
    if (transfers < 1 || transfers > 16) {
      throw new UserError(ExitCode.USAGE, "--transfers must be between 1 and 16");
    }
    return UploadOptions.defaults()
        .withTransfers(transfers)
        .withChunkBytes((int) chunkBytes)
        .withDryRun(dryRun)
        .withScan(new ScanOptions(includeStatuses, includeStickers, includeProfilePhotos));
  }

  /**
   * The stored sign-in for these endpoints; without one, an emulator (--endpoint) is used without
   * credentials and real Google is refused before any call. A dry run needs none.
   */
  private HttpRequestInitializer credentials(AppDirs dirs) throws java.io.IOException {
    GoogleEndpoints endpoints =
        endpoint == null ? GoogleEndpoints.google() : GoogleEndpoints.at(endpoint);
    Optional<HttpRequestInitializer> signedIn =
        new GoogleSignIn(endpoints, new TokenStore(dirs.config())).credential();
    if (signedIn.isPresent()) {
      return signedIn.get();
    }
    if (endpoint != null || dryRun) {
      return GoogleHttp.NO_CREDENTIALS;
    }
    throw new UserError(
        ExitCode.NOT_SIGNED_IN,
        "not signed in to Google: create your OAuth client (see docs/google-oauth.md), then run"
            + " 'wa-uploader auth login --client-secret client_secret.json'");
  }
}
