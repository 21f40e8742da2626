package app.wauploader.android;

import android.app.job.JobParameters;
import android.app.job.JobService;
import android.os.Build;
import app.wauploader.core.upload.RunControl;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the backup jobs of {@link Jobs} on a thread of their own. When the system stops a job
 * (constraints lost, time up) the run is stopped cleanly through its {@link RunControl} and the job
 * asks to be rescheduled; a run that reached its own deadline schedules a continuation.
 */
public final class BackupJobService extends JobService {
  private final Map<Integer, RunControl> running = new ConcurrentHashMap<>();

  @Override
  public boolean onStartJob(JobParameters params) {
    boolean userInitiated = params.getJobId() == Jobs.NOW;
    ProgressNotification progress = new ProgressNotification(this);
    if (userInitiated && Build.VERSION.SDK_INT >= Build.VERSION_CODES.UPSIDE_DOWN_CAKE) {
      setNotification(
          params,
          ProgressNotification.ID,
          progress.starting(),
          JobService.JOB_END_NOTIFICATION_POLICY_DETACH);
    }
    RunControl control = BackupRun.control(userInitiated);
    running.put(params.getJobId(), control);
    Thread worker =
        new Thread(
            () -> {
              boolean again = false;
              try {
                BackupRun.Result result = BackupRun.run(this, control, progress);
                if (result.continueSoon()) {
                  Jobs.scheduleContinuation(this);
                }
              } catch (InterruptedException e) {
                again = true;
              } finally {
                running.remove(params.getJobId());
                jobFinished(params, again);
              }
            },
            "wa-uploader-backup");
    worker.start();
    return true;
  }

  @Override
  public boolean onStopJob(JobParameters params) {
    RunControl control = running.get(params.getJobId());
    if (control != null) {
      control.stop();
    }
    // Rescheduled with the job's backoff; the stopped run resumes from what Google acknowledged.
    return true;
  }
}
