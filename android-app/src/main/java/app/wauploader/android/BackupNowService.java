package app.wauploader.android;

import android.app.Service;
import android.content.Intent;
import android.content.pm.ServiceInfo;
import android.os.Build;
import android.os.IBinder;
import app.wauploader.core.upload.RunControl;

/**
 * "Back up now" below Android 14: a foreground service of type {@code dataSync} with the progress
 * notification, one run, then it stops itself. From Android 14 a user-initiated job does this
 * ({@link Jobs#backUpNow}).
 */
public final class BackupNowService extends Service {
  private volatile RunControl control;

  @Override
  public int onStartCommand(Intent intent, int flags, int startId) {
    if (control != null) {
      return START_NOT_STICKY;
    }
    ProgressNotification progress = new ProgressNotification(this);
    if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.Q) {
      startForeground(
          ProgressNotification.ID,
          progress.starting(),
          ServiceInfo.FOREGROUND_SERVICE_TYPE_DATA_SYNC);
    } else {
      startForeground(ProgressNotification.ID, progress.starting());
    }
    control = BackupRun.control(true);
    new Thread(
            () -> {
              try {
                BackupRun.run(this, control, progress);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                stopForeground(STOP_FOREGROUND_DETACH);
                stopSelf();
              }
            },
            "wa-uploader-backup-now")
        .start();
    return START_NOT_STICKY;
  }

  /** Android 15 ends dataSync services after 6 hours a day: stop cleanly. */
  @Override
  public void onTimeout(int startId, int fgsType) {
    RunControl c = control;
    if (c != null) {
      c.stop();
    }
  }

  @Override
  public void onDestroy() {
    RunControl c = control;
    if (c != null) {
      c.stop();
    }
    super.onDestroy();
  }

  @Override
  public IBinder onBind(Intent intent) {
    return null;
  }
}
