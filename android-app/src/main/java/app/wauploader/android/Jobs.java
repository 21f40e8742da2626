package app.wauploader.android;

import android.app.job.JobInfo;
import android.app.job.JobScheduler;
import android.content.ComponentName;
import android.content.Context;
import android.content.Intent;
import android.os.Build;
import java.util.concurrent.TimeUnit;

/**
 * The backup jobs (JobScheduler, https://developer.android.com/reference/android/app/job/JobInfo):
 * a persisted periodic job with the user's constraints (unmetered network and charging by default),
 * a one-off job with the same constraints that continues a run cut short at its deadline, and "Back
 * up now": a user-initiated data transfer job on Android 14+, a foreground service below.
 */
final class Jobs {
  static final int PERIODIC = 1;
  static final int CONTINUE = 2;
  static final int NOW = 3;

  /** How often the periodic job may run (the system picks the moment within the constraints). */
  static final long PERIOD_MS = TimeUnit.HOURS.toMillis(6);

  private Jobs() {}

  /** Schedules (or updates) the periodic job with the current settings. */
  static void schedule(Context context) {
    scheduler(context).schedule(periodic(context, new AppSettings(context)));
  }

  static JobInfo periodic(Context context, AppSettings settings) {
    return constrained(new JobInfo.Builder(PERIODIC, service(context)), settings)
        .setPersisted(true)
        .setPeriodic(PERIOD_MS)
        .build();
  }

  /** After a run stopped at its deadline: go on as soon as the constraints hold. */
  static void scheduleContinuation(Context context) {
    scheduler(context)
        .schedule(
            constrained(new JobInfo.Builder(CONTINUE, service(context)), new AppSettings(context))
                .setPersisted(true)
                .build());
  }

  /** "Back up now": at once, on any allowed network, charging or not. */
  static void backUpNow(Context context) {
    AppSettings settings = new AppSettings(context);
    if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.UPSIDE_DOWN_CAKE) {
      scheduler(context).schedule(userInitiated(context, settings));
    } else {
      context.startForegroundService(new Intent(context, BackupNowService.class));
    }
  }

  static JobInfo userInitiated(Context context, AppSettings settings) {
    return new JobInfo.Builder(NOW, service(context))
        .setUserInitiated(true)
        .setRequiredNetworkType(
            settings.unmeteredOnly() ? JobInfo.NETWORK_TYPE_UNMETERED : JobInfo.NETWORK_TYPE_ANY)
        .build();
  }

  private static JobInfo.Builder constrained(JobInfo.Builder b, AppSettings settings) {
    return b.setRequiredNetworkType(
            settings.unmeteredOnly() ? JobInfo.NETWORK_TYPE_UNMETERED : JobInfo.NETWORK_TYPE_ANY)
        .setRequiresCharging(settings.chargingOnly())
        .setBackoffCriteria(TimeUnit.MINUTES.toMillis(15), JobInfo.BACKOFF_POLICY_EXPONENTIAL);
  }

  private static ComponentName service(Context context) {
    return new ComponentName(context, BackupJobService.class);
  }

  private static JobScheduler scheduler(Context context) {
    return context.getSystemService(JobScheduler.class);
  }
}
