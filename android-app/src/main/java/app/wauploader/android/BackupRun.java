package app.wauploader.android;

import android.content.Context;
import app.wauploader.core.app.Backups;
import app.wauploader.core.app.RunReports;
import app.wauploader.core.auth.SignInRequiredException;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.SourceUnavailableException;
import app.wauploader.core.upload.RunControl;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import app.wauploader.core.upload.Verdict;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One backup of the chosen media through core's facade, as the background job and "Back up now" run
 * it: under a {@link RunControl} with a time budget (a regular job gets about 10 minutes; at the
 * deadline the run stops cleanly, its session {@code interrupted}, and the next run resumes from
 * the bytes Google acknowledged), with the progress notification, and the outcome recorded for the
 * status screen. One run at a time per process.
 */
final class BackupRun {
  /** A regular job's budget: Android stops jobs after about 10 minutes. */
  static final Duration JOB_BUDGET = Duration.ofMinutes(9);

  /** "Back up now": a user-initiated transfer or a foreground service may run for hours. */
  static final Duration NOW_BUDGET = Duration.ofHours(3);

  private static final AtomicBoolean RUNNING = new AtomicBoolean();

  /** How a run ended, for the job: whether to continue soon. */
  record Result(Optional<RunSummary> summary, String line) {
    /**
     * True when the run used up its time budget: a continuation job goes on soon (a run the system
     * stopped is rescheduled by the system).
     */
    boolean continueSoon() {
      return summary.isPresent() && summary.get().verdict() == Verdict.DEADLINE;
    }
  }

  private BackupRun() {}

  /** Runs one backup (blocking: call off the main thread). */
  static Result run(Context context, RunControl control, ProgressNotification progress)
      throws InterruptedException {
    if (!RUNNING.compareAndSet(false, true)) {
      return new Result(Optional.empty(), "a backup is already running");
    }
    try {
      Result result = attempt(context, control, progress);
      new LastRuns(context).record(Clock.systemUTC().instant(), result.line());
      progress.finish(
          result.summary().map(ProgressNotification::title).orElse("Backup could not start"),
          result.line());
      return result;
    } finally {
      RUNNING.set(false);
    }
  }

  private static Result attempt(Context context, RunControl control, ProgressNotification progress)
      throws InterruptedException {
    AppSettings settings = new AppSettings(context);
    StringBuilder why = new StringBuilder();
    Optional<List<MediaSource>> sources = MediaAccess.sources(context, settings, why);
    if (sources.isEmpty()) {
      return new Result(Optional.empty(), why.toString());
    }
    if (settings.services().isEmpty()) {
      return new Result(
          Optional.empty(),
          "nothing to back up: choose Google Photos, Google Drive or both in the settings");
    }
    try {
      RunSummary summary =
          new Backups(AppEnvironment.of(context))
              .backup(
                  sources.get(),
                  UploadOptions.defaults().withServices(settings.services()),
                  control,
                  progress);
      String line = RunReports.summaryLine(summary);
      if (summary.stop().isPresent()) {
        line +=
            "; stopped: "
                + summary.stop().get().message()
                + "; "
                + RunReports.advice(summary.stop().get().reason(), Words.APP);
      }
      return new Result(Optional.of(summary), line);
    } catch (SignInRequiredException e) {
      return new Result(Optional.empty(), e.getMessage() + "; " + Words.APP.signInAgain());
    } catch (SourceUnavailableException e) {
      return new Result(Optional.empty(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      return new Result(
          Optional.empty(),
          "the backup failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  /** Budget of a run started as {@code jobId}, from now. */
  static RunControl control(boolean userInitiated) {
    return RunControl.withDeadline(Clock.systemUTC(), userInitiated ? NOW_BUDGET : JOB_BUDGET);
  }
}
