package app.wauploader.cli.command;

import app.wauploader.cli.Advice;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.cli.log.RunLogListener;
import app.wauploader.cli.progress.ConsoleProgress;
import app.wauploader.cli.report.ReportJson;
import app.wauploader.core.app.RunReports;
import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.RunControl;
import app.wauploader.core.upload.RunListener;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one backup or resume through the facade with a progress display, wires Ctrl-C/SIGTERM to the
 * run's {@link RunControl}, and prints the summary: the counts on stdout, then one line per thing
 * the user must know (what waits and until when, why the run stopped) on stderr.
 */
final class UploadRunner {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UploadRunner.class);

  /** Times shown to users: local, with the zone. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(ZoneId.systemDefault());

  private UploadRunner() {}

  /** One facade call. */
  @FunctionalInterface
  interface Work {
    RunSummary run(RunControl control, RunListener listener)
        throws IOException, InterruptedException;
  }

  /**
   * Runs {@code work} and prints its summary.
   *
   * @param dryRun print one line per file: what would happen to it
   */
  static RunSummary run(
      RunControl control,
      boolean showProgress,
      boolean dryRun,
      PrintWriter out,
      PrintWriter err,
      Work work)
      throws IOException, InterruptedException {
    return run(control, showProgress, dryRun, false, false, out, err, work);
  }

  /**
   * Runs {@code work}, logging its events, and prints its summary.
   *
   * @param quiet print no summary line and no per-file plan, only problems on stderr
   * @param json print the summary as one JSON object, the last line on stdout
   */
  static RunSummary run(
      RunControl control,
      boolean showProgress,
      boolean dryRun,
      boolean quiet,
      boolean json,
      PrintWriter out,
      PrintWriter err,
      Work work)
      throws IOException, InterruptedException {
    CountDownLatch finished = new CountDownLatch(1);
    Thread onShutdown =
        new Thread(
            () -> {
              control.stop();
              try {
                // Let the run mark its session interrupted and release its locks.
                finished.await(15, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              err.println(
                  "wa-uploader: interrupted; "
                      + Advice.of(control.reason().orElseThrow().reason()));
              err.flush();
            });
    Runtime.getRuntime().addShutdownHook(onShutdown);
    RunSummary summary;
    try (ConsoleProgress progress =
        new ConsoleProgress(showProgress && !quiet, err, dryRun && !quiet ? out : null)) {
      try {
        summary = work.run(control, new RunLogListener(progress));
      } finally {
        finished.countDown();
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onShutdown);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
    LOG.info("{}", summaryLine(summary));
    summary.stop().ifPresent(stop -> LOG.warn("stopped: {} ({})", stop.message(), stop.reason()));
    for (RunSummary.Wait wait : summary.waits()) {
      LOG.warn(
          "{} files wait for {} until {} ({})",
          wait.files(),
          wait.service().id(),
          wait.until(),
          wait.reason().id());
    }
    report(summary, quiet ? new PrintWriter(java.io.Writer.nullWriter()) : out, err);
    if (json) {
      out.println(ReportJson.print(new ReportJson(ZoneId.systemDefault()).run(summary), false));
      out.flush();
    }
    return summary;
  }

  /** Prints the summary line (stdout) and what waits or stopped the run (stderr). */
  static void report(RunSummary summary, PrintWriter out, PrintWriter err) {
    if (summary.sessionId().isPresent() || summary.dryRun() || summary.files() > 0) {
      out.println(summaryLine(summary));
    }
    for (RunSummary.Wait wait : summary.waits()) {
      err.println(
          wait.service().id()
              + (wait.isQuota() ? " paused until " : " waits until ")
              + TIME.format(wait.until())
              + " ("
              + (wait.isQuota() ? "daily quota" : wait.reason().id().replace('_', ' '))
              + "); "
              + wait.files()
              + (wait.files() == 1 ? " file waits" : " files wait")
              + ": "
              + (wait.isQuota()
                  ? "run 'wa-uploader resume' after that time"
                  : "run again then, or 'wa-uploader resume --now'")
              + (wait.message().isEmpty() ? "" : " — " + wait.message()));
    }
    if (summary.slowedDown()) {
      err.println(
          "Google rate-limited the run: parallel transfers went down to "
              + summary.lowestTransfers());
    }
    if (summary.count(Outcome.LOCKED) > 0) {
      err.println(
          summary.count(Outcome.LOCKED)
              + " files are being uploaded by another wa-uploader process right now; skipped");
    }
    summary
        .stop()
        .ifPresent(
            stop -> err.println("stopped: " + stop.message() + "; " + Advice.of(stop.reason())));
    if (summary.count(Outcome.FAILED) > 0 || summary.sourceProblems() > 0) {
      err.println("see the failures with: wa-uploader errors");
    }
    if (summary.verdict() == Verdict.DONE && summary.sessionId().isEmpty() && !summary.dryRun()) {
      out.println("nothing to resume: every file known is backed up");
    }
    out.flush();
    err.flush();
  }

  /** {@code uploaded 12 · duplicates 4 · unchanged 0 · failed 0 · 2.1 MiB in 1.3 s (…)}. */
  static String summaryLine(RunSummary s) {
    return RunReports.summaryLine(s);
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
