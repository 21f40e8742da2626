package app.wauploader.cli.command;

import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.cli.progress.ConsoleProgress;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.upload.BackupRun;
import app.wauploader.core.upload.GoogleTargets;
import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import app.wauploader.db.Database;
import com.google.api.client.http.HttpRequestInitializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Wires a backup run from command-line choices; shared by {@code upload} and {@code demo}. */
final class UploadRunner {
  private UploadRunner() {}

  /**
   * Runs one backup and prints its summary.
   *
   * @param endpoint base URL of an emulator, or null for the real Google endpoints
   * @param credentials how requests are authorised
   */
  static RunSummary run(
      Path dbFile,
      URI endpoint,
      HttpRequestInitializer credentials,
      UploadOptions options,
      boolean showProgress,
      PrintWriter out,
      PrintWriter err,
      Work work)
      throws IOException, InterruptedException {
    GoogleEndpoints endpoints =
        endpoint == null ? GoogleEndpoints.google() : GoogleEndpoints.at(endpoint);
    GoogleHttp http = GoogleHttp.create(credentials, endpoints);
    try (Database db = Database.open(dbFile);
        ConsoleProgress progress = new ConsoleProgress(showProgress, err)) {
      BackupRun run = new BackupRun(db, GoogleTargets.create(http, db), options, progress);
      Thread onShutdown =
          new Thread(
              () -> {
                if (run.abandon()) {
                  err.println(
                      "wa-uploader: interrupted; nothing is lost: run 'wa-uploader resume' (or"
                          + " upload again) to continue");
                  err.flush();
                }
              });
      Runtime.getRuntime().addShutdownHook(onShutdown);
      RunSummary summary;
      try {
        summary = work.run(run);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run
        }
      }
      progress.close();
      out.println(summaryLine(summary));
      summary
          .pausedServices()
          .forEach(
              (service, pause) ->
                  out.println(
                      "paused "
                          + service
                          + " until "
                          + StatusCommand.TIME.format(pause.until())
                          + " (its daily quota resets then; run 'wa-uploader resume' after that): "
                          + pause.message()));
      if (summary.lowestTransfers() < options.transfers()) {
        out.println(
            "Google rate-limited the run: parallel transfers went down to "
                + summary.lowestTransfers());
      }
      if (summary.count(Outcome.LOCKED) > 0) {
        out.println(
            summary.count(Outcome.LOCKED)
                + " files are being uploaded by another wa-uploader process right now; skipped");
      }
      summary.fatal().ifPresent(fatal -> out.println("stopped: " + fatal.message()));
      if (summary.count(Outcome.FAILED) > 0) {
        out.println("see the failures with: wa-uploader errors --db " + dbFile);
      }
      out.flush();
      return summary;
    }
  }

  /** What to do with the run: scan folders, or resume open work. */
  @FunctionalInterface
  interface Work {
    RunSummary run(BackupRun run) throws IOException, InterruptedException;
  }

  /** {@code uploaded 12 · duplicates 4 · unchanged 0 · failed 0 · 2.1 MiB in 1.3 s (…)}. */
  static String summaryLine(RunSummary s) {
    double seconds = Math.max(s.elapsed().toMillis(), 1) / 1000.0;
    double mib = s.bytesSent() / (1024.0 * 1024.0);
    String head = s.sessionId().isPresent() ? "session " + s.sessionId().get() + ": " : "dry run: ";
    StringBuilder line = new StringBuilder(head);
    if (s.sessionId().isEmpty()) {
      line.append(
          String.format(
              Locale.ROOT,
              "would upload %d (%.1f MiB), ",
              s.count(Outcome.DEFERRED),
              s.bytesPlanned() / (1024.0 * 1024.0)));
    } else {
      line.append("uploaded ").append(s.count(Outcome.UPLOADED)).append(", ");
    }
    line.append("duplicates ")
        .append(s.count(Outcome.DUPLICATE))
        .append(", unchanged ")
        .append(s.count(Outcome.UNCHANGED))
        .append(", failed ")
        .append(s.count(Outcome.FAILED));
    if (s.sessionId().isPresent() && s.count(Outcome.DEFERRED) > 0) {
      line.append(", left for later ").append(s.count(Outcome.DEFERRED));
    }
    if (s.count(Outcome.SKIPPED) > 0) {
      line.append(", empty ").append(s.count(Outcome.SKIPPED));
    }
    line.append(
        String.format(
            Locale.ROOT,
            "; %.2f MiB sent in %.1f s (%.2f MiB/s, %.1f files/s)",
            mib,
            seconds,
            mib / seconds,
            s.files() / seconds));
    return line.toString();
  }

  /** Fails with {@link ExitCode#INPUT} when no source folder exists. */
  static List<Path> requireRoots(List<Path> roots, List<Path> candidates) {
    if (roots.isEmpty()) {
      throw new UserError(
          ExitCode.INPUT,
          "no WhatsApp media folder found (looked in "
              + candidates.size()
              + " standard places, e.g. "
              + candidates.get(0)
              + "); in Termux run 'termux-setup-storage' first, or pass --source DIR");
    }
    return roots;
  }
}
