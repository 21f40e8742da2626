package app.wauploader.android;

import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import app.wauploader.core.app.RunReports;
import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.RunListener;
import app.wauploader.core.upload.RunSummary;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notification of a running backup: files done of found, MiB sent of planned, and the time left
 * at the rate so far; updated at most once a second (Android drops faster updates). At the end it
 * shows the same one-line summary as the CLI ({@link RunReports#summaryLine}).
 */
final class ProgressNotification implements RunListener {
  static final String CHANNEL = "backup";
  static final int ID = 1;
  private static final long MIB = 1024 * 1024;

  private final Context context;
  private final NotificationManager manager;
  private final long startedNs = System.nanoTime();
  private final AtomicInteger found = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong planned = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong shownAtNs = new AtomicLong(Long.MIN_VALUE);

  ProgressNotification(Context context) {
    this.context = context.getApplicationContext();
    this.manager = this.context.getSystemService(NotificationManager.class);
    manager.createNotificationChannel(
        new NotificationChannel(CHANNEL, "Backups", NotificationManager.IMPORTANCE_LOW));
  }

  /** The first notification, before anything is found (a foreground service must show one). */
  Notification starting() {
    return builder().setContentText("Looking for new media…").setProgress(0, 0, true).build();
  }

  @Override
  public void found(MediaEntry file) {
    found.incrementAndGet();
    maybeShow();
  }

  @Override
  public void planned(MediaEntry file, long bytes) {
    planned.addAndGet(bytes);
  }

  @Override
  public void sent(long bytes) {
    sent.addAndGet(bytes);
    maybeShow();
  }

  @Override
  public void finished(String where, Outcome outcome) {
    done.incrementAndGet();
    maybeShow();
  }

  /** The text of the progress line now: files, MiB, and the time left. */
  String progressText() {
    long s = sent.get();
    long p = Math.max(planned.get(), s);
    double seconds = (System.nanoTime() - startedNs) / 1e9;
    String eta = "";
    if (s > 0 && p > s && seconds > 1) {
      long left = (long) ((p - s) / (s / seconds));
      eta =
          left >= 3600
              ? String.format(Locale.ROOT, ", %d h %02d min left", left / 3600, left / 60 % 60)
              : String.format(Locale.ROOT, ", %d min %02d s left", left / 60, left % 60);
    }
    return String.format(
        Locale.ROOT,
        "%d of %d files, %.1f of %.1f MiB%s",
        done.get(),
        found.get(),
        s / (double) MIB,
        p / (double) MIB,
        eta);
  }

  private void maybeShow() {
    long now = System.nanoTime();
    long last = shownAtNs.get();
    if (last != Long.MIN_VALUE && now - last < 1_000_000_000L) {
      return;
    }
    if (!shownAtNs.compareAndSet(last, now)) {
      return;
    }
    long p = Math.max(planned.get(), sent.get());
    manager.notify(
        ID,
        builder()
            .setContentText(progressText())
            .setProgress(1000, p == 0 ? 0 : (int) (1000 * sent.get() / p), p == 0)
            .setOngoing(true)
            .build());
  }

  /** Replaces the progress with the run's summary line (or why it could not run). */
  void finish(String title, String line) {
    manager.notify(
        ID,
        builder()
            .setContentTitle(title)
            .setContentText(line)
            .setStyle(new Notification.BigTextStyle().bigText(line))
            .setOngoing(false)
            .setAutoCancel(true)
            .build());
  }

  static String title(RunSummary summary) {
    return switch (summary.verdict()) {
      case DONE -> "Backed up";
      case STOPPED, DEADLINE -> "Backup paused; it goes on later";
      case WAITING_FOR_QUOTA -> "Backup waits for Google's daily quota";
      case WAITING_TO_RETRY -> "Backup waits to try again";
      case SIGN_IN_REQUIRED -> "Sign in again";
      default -> "Backup needs a look";
    };
  }

  private Notification.Builder builder() {
    PendingIntent open =
        PendingIntent.getActivity(
            context,
            0,
            new Intent(context, MainActivity.class),
            PendingIntent.FLAG_IMMUTABLE | PendingIntent.FLAG_UPDATE_CURRENT);
    return new Notification.Builder(context, CHANNEL)
        .setSmallIcon(android.R.drawable.stat_sys_upload)
        .setContentTitle("Backing up WhatsApp media")
        .setContentIntent(open)
        .setOnlyAlertOnce(true);
  }
}
