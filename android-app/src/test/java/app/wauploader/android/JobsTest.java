package app.wauploader.android;

import static org.assertj.core.api.Assertions.assertThat;

import android.app.Application;
import android.app.job.JobInfo;
import android.app.job.JobScheduler;
import android.content.ComponentName;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/** The backup jobs carry the user's constraints, survive a reboot, and "now" is a user job. */
@RunWith(RobolectricTestRunner.class)
public class JobsTest {
  private final Application app = RuntimeEnvironment.getApplication();
  private final JobScheduler scheduler = app.getSystemService(JobScheduler.class);

  @Test
  public void thePeriodicJobWaitsForWiFiAndChargingByDefaultAndIsPersisted() {
    Jobs.schedule(app);
    JobInfo job = scheduler.getPendingJob(Jobs.PERIODIC);
    assertThat(job).isNotNull();
    assertThat(job.getService()).isEqualTo(new ComponentName(app, BackupJobService.class));
    assertThat(job.getNetworkType()).isEqualTo(JobInfo.NETWORK_TYPE_UNMETERED);
    assertThat(job.isRequireCharging()).isTrue();
    assertThat(job.isPersisted()).isTrue();
    assertThat(job.isPeriodic()).isTrue();
    assertThat(job.getIntervalMillis()).isEqualTo(Jobs.PERIOD_MS);
  }

  @Test
  public void changedSettingsChangeTheScheduledJob() {
    AppSettings settings = new AppSettings(app);
    settings.set("unmetered_only", false);
    settings.set("charging_only", false);
    Jobs.schedule(app);
    JobInfo job = scheduler.getPendingJob(Jobs.PERIODIC);
    assertThat(job.getNetworkType()).isEqualTo(JobInfo.NETWORK_TYPE_ANY);
    assertThat(job.isRequireCharging()).isFalse();
    assertThat(scheduler.getAllPendingJobs()).hasSize(1);
  }

  @Test
  public void aRunCutShortAtItsDeadlineIsContinuedWithTheSameConstraints() {
    Jobs.scheduleContinuation(app);
    JobInfo job = scheduler.getPendingJob(Jobs.CONTINUE);
    assertThat(job.isPeriodic()).isFalse();
    assertThat(job.getNetworkType()).isEqualTo(JobInfo.NETWORK_TYPE_UNMETERED);
    assertThat(job.isRequireCharging()).isTrue();
    assertThat(job.isPersisted()).isTrue();
  }

  @Test
  public void backUpNowIsAUserInitiatedTransferOnAndroid14AndLater() {
    Jobs.backUpNow(app);
    JobInfo job = scheduler.getPendingJob(Jobs.NOW);
    assertThat(job.isUserInitiated()).isTrue();
    assertThat(job.isRequireCharging()).isFalse();
    assertThat(job.getNetworkType()).isEqualTo(JobInfo.NETWORK_TYPE_UNMETERED);
  }

  @Test
  public void aRegularRunStopsBeforeAndroidEndsTheJob() {
    assertThat(BackupRun.JOB_BUDGET).isLessThan(java.time.Duration.ofMinutes(10));
    assertThat(BackupRun.control(false).deadline()).isPresent();
  }
}
