package app.wauploader.android;

import app.wauploader.core.app.PhotosQuota;
import app.wauploader.core.app.RunReports;
import app.wauploader.core.app.StatusReport;
import app.wauploader.db.UploadSession;
import app.wauploader.db.WaitingItems;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.ItemState;
import app.wauploader.domain.SessionStatus;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The status screen's text, from core's {@link StatusReport}: what is safe in Google, what waits
 * (and why, and until when), what failed, and the last runs.
 */
final class StatusText {
  private StatusText() {}

  static String render(
      Optional<StatusReport> found, Optional<String> lastRun, DateTimeFormatter time) {
    StringBuilder out = new StringBuilder();
    if (found.isEmpty()) {
      out.append("Nothing backed up yet.\n");
      lastRun.ifPresent(l -> out.append("\nLast run ").append(l).append('\n'));
      return out.toString();
    }
    StatusReport r = found.get();
    long backedUp = count(r, ItemState.COMMITTED) + count(r, ItemState.SKIPPED_DUPLICATE);
    long waiting =
        count(r, ItemState.PENDING)
            + count(r, ItemState.UPLOADING)
            + count(r, ItemState.UPLOADED)
            + count(r, ItemState.RETRYING)
            + count(r, ItemState.PAUSED);
    long failed = count(r, ItemState.FAILED);
    out.append(String.format(Locale.ROOT, "Safe in Google: %d files%n", backedUp));
    out.append(String.format(Locale.ROOT, "Not yet in Google: %d files%n", waiting));
    for (WaitingItems w : r.waiting()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %s: %d %s until %s (%s); %s%n",
              w.service() == app.wauploader.domain.Service.PHOTOS
                  ? "Google Photos"
                  : "Google Drive",
              w.files(),
              w.files() == 1 ? "file waits" : "files wait",
              time.format(w.until()),
              w.reason() == FailureReason.DAILY_QUOTA
                  ? "daily quota used up"
                  : w.reason().id().replace('_', ' '),
              RunReports.advice(w.reason(), Words.APP)));
    }
    if (r.lockedFiles() > 0) {
      out.append(String.format(Locale.ROOT, "  %d being sent right now%n", r.lockedFiles()));
    }
    out.append(
        String.format(
            Locale.ROOT, "Failed: %d files%s%n", failed, failed > 0 ? " (see Errors)" : ""));
    PhotosQuota q = r.photosQuota();
    out.append(
        String.format(
            Locale.ROOT,
            "Google Photos requests today: %d of %d%s%n",
            q.requestsToday(),
            q.dailyLimit(),
            q.backlog() == 0
                ? ""
                : String.format(
                    Locale.ROOT,
                    "; %d photos and videos to go, about %d %s",
                    q.backlog(),
                    q.backlogDays(),
                    q.backlogDays() == 1 ? "day" : "days")));
    if (!r.sessions().isEmpty()) {
      out.append("\nLast runs:\n");
      for (UploadSession s : r.sessions()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %s  %s: %d uploaded, %d duplicates, %d errors, %.1f MiB%n",
                time.format(s.startedAt()),
                s.status().id(),
                s.successCount(),
                s.duplicateCount(),
                r.errorsPerSession().getOrDefault(s.id(), 0L),
                s.bytesUploaded() / (1024.0 * 1024.0)));
        if (s.status() == SessionStatus.PAUSED && s.pausedUntil().isPresent()) {
          out.append("    paused until ")
              .append(time.format(s.pausedUntil().get()))
              .append(s.pauseReason().map(p -> ": " + p).orElse(""))
              .append('\n');
        }
      }
    }
    lastRun.ifPresent(l -> out.append("\nLast run ").append(l).append('\n'));
    return out.toString();
  }

  private static long count(StatusReport r, ItemState state) {
    return r.files().getOrDefault(state, 0L);
  }
}
