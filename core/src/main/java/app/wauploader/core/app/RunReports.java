package app.wauploader.core.app;

import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.StopReason;
import app.wauploader.domain.FailureReason;
import java.util.Locale;

/**
 * What every front end says about a run and a failure, in the same words: the one-line summary of a
 * run (the CLI prints it, the Android app's notification ends with it) and the advice for each
 * {@link FailureReason} and {@link StopReason}. Where the advice is to do something only a front
 * end knows how to ask for (sign in again, continue later, grant read access), the front end's
 * {@link Actions} supply those words.
 */
public final class RunReports {
  /** An API not enabled for the OAuth client's project. */
  public static final String ENABLE_API =
      "enable the API the message names for your OAuth client's project"
          + " (https://console.cloud.google.com/apis/library)";

  private RunReports() {}

  /** How a front end asks its user to do the few things core cannot name. */
  public interface Actions {
    /** Sign in again (after a refused or expired sign-in). */
    String signInAgain();

    /** Sign in again ticking every box of Google's consent screen. */
    String tickEveryBox();

    /** Continue later (completed by " after the quota resets (midnight Pacific Time)"). */
    String continueLater();

    /** Continue a run that was stopped on request. */
    String continueStopped();

    /** Continue a run that ran out of time or could not reach Google. */
    String runAgain();

    /** Let this front end read the media files. */
    String grantReadAccess();
  }

  /** The advice for a failure reason (one line). */
  public static String advice(FailureReason reason, Actions a) {
    return switch (reason) {
      case NETWORK -> "check the connection; the next run resumes where this one stopped";
      case SERVER -> "Google had trouble; the next run tries again";
      case RATE_LIMITED -> "Google asked to slow down; the next run tries again";
      case DAILY_QUOTA -> a.continueLater() + " after the quota resets (midnight Pacific Time)";
      case UNAUTHORIZED -> a.signInAgain();
      case STORAGE_FULL -> "free space in your Google account or buy storage, then run again";
      case API_DISABLED -> ENABLE_API;
      case SCOPE_MISSING -> a.tickEveryBox();
      case REJECTED -> "Google refused this file as it is; see the message";
      case CHECKSUM_MISMATCH -> "the bytes were damaged on the way; the next run sends it again";
      case SOURCE_UNREADABLE -> a.grantReadAccess();
      case SOURCE_MISSING -> "the file was moved or deleted before it was sent";
      case SOURCE_CHANGED -> "the file changed while it was sent; the next run reads it again";
      case RECEIPT_EXPIRED -> "the upload expired before it was added; it is sent again";
      case INTERNAL -> "please report this with the message";
    };
  }

  /** The advice for a stopped run (one line). */
  public static String advice(StopReason reason, Actions a) {
    return switch (reason) {
      case STOPPED -> "nothing is lost: " + a.continueStopped();
      case DEADLINE -> "nothing is lost: " + a.runAgain() + " to continue";
      case UNREACHABLE -> "nothing is lost: " + a.runAgain() + " when Google can be reached";
      case CONDITIONS ->
          "nothing is lost: " + a.runAgain() + " on Wi-Fi / while charging, as you asked";
      case UNAUTHORIZED -> a.signInAgain();
      case STORAGE_FULL -> "free space in your Google account or buy storage, then run again";
      case SETUP ->
          "fix the set-up named in the message ("
              + ENABLE_API
              + "; or "
              + a.tickEveryBox()
              + "), then run again; nothing is lost";
      case INTERNAL -> "please report this with the message; nothing is lost";
    };
  }

  /**
   * {@code session 3: uploaded 12, duplicates 4, unchanged 0, failed 0; 2.10 MiB sent in 1.3 s
   * (…)}; a dry run says what it would upload.
   */
  public static String summaryLine(RunSummary s) {
    double seconds = Math.max(s.elapsed().toMillis(), 1) / 1000.0;
    double mib = s.bytesSent() / (1024.0 * 1024.0);
    String head = s.sessionId().isPresent() ? "session " + s.sessionId().get() + ": " : "";
    StringBuilder line = new StringBuilder(s.dryRun() ? "dry run: " : head);
    if (s.dryRun()) {
      line.append(
          String.format(
              Locale.ROOT,
              "would upload %d (%.1f MiB), ",
              s.count(Outcome.PLANNED),
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
    appendIf(line, ", waiting ", s.count(Outcome.WAITING));
    appendIf(line, ", left for later ", s.count(Outcome.DEFERRED));
    appendIf(line, ", skipped ", s.count(Outcome.SKIPPED));
    appendIf(line, ", unreadable ", s.sourceProblems());
    appendIf(line, ", filed in chats ", s.filed());
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

  private static void appendIf(StringBuilder line, String label, int n) {
    if (n > 0) {
      line.append(label).append(n);
    }
  }

  /**
   * One catalog merged, in words: {@code merged the catalog saved by pixel-7 on 2026-11-30 18:02
   * UTC: 41,233 contents, 12 new}.
   */
  public static String catalogMerged(app.wauploader.core.catalog.CatalogMerge.Result result) {
    return CatalogRuns.line(result);
  }

  /** One conflict a catalog merge found (the same content twice, two albums of one name). */
  public static String catalogConflict(
      app.wauploader.db.CatalogDeviceRepository.Conflict conflict) {
    return CatalogRuns.line(conflict);
  }
}
