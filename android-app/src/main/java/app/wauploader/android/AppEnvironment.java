package app.wauploader.android;

import android.app.ActivityManager;
import android.content.Context;
import android.os.Process;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.MediaSources;
import app.wauploader.core.upload.LockOwner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The app's {@link BackupEnvironment}: the database in no-backup private storage, the sign-in's
 * tokens, the endpoints of the settings, {@code saf:} keys read through the Storage Access
 * Framework, and a lock owner of its own. The owner's host is {@value #LOCK_HOST}, never Termux's:
 * Termux cannot see the app's processes ({@code /proc} is {@code hidepid=2}) and the app cannot see
 * Termux's, so neither may call the other's locks dead; the app knows its own processes ({@link
 * ActivityManager#getRunningAppProcesses()} lists only them).
 */
final class AppEnvironment {
  static final String LOCK_HOST = "android-app.wauploader.android";

  private AppEnvironment() {}

  static Path database(Context context) {
    return context.getNoBackupFilesDir().toPath().resolve("wa-uploader.db");
  }

  static TokenFile tokenFile(Context context) {
    return new TokenFile(context.getFilesDir().toPath().resolve("auth"));
  }

  static BackupEnvironment of(Context context) {
    Context app = context.getApplicationContext();
    AppSettings settings = new AppSettings(app);
    AccessTokens tokens =
        new AndroidTokens(
            tokenFile(app),
            settings.clientId(),
            settings.endpoints().tokenUrl(),
            Clock.systemUTC());
    LockOwner owner = LockOwner.create(LOCK_HOST, Process.myPid(), pid -> gone(app, pid));
    return BackupEnvironment.google(database(app), tokens, settings.endpoints(), owner)
        // How the user's other devices name this one in the catalog shared through Drive.
        .withDeviceName(android.os.Build.MANUFACTURER + " " + android.os.Build.MODEL)
        .withKeys(
            key ->
                key.startsWith(SafMediaSource.KEY_PREFIX)
                    ? Optional.<MediaSource>of(new SafMediaSource(app.getContentResolver(), null))
                    : MediaSources.forKey(key));
  }

  /** True if no process of this app has {@code pid}; false when that cannot be told. */
  private static boolean gone(Context context, long pid) {
    ActivityManager am = context.getSystemService(ActivityManager.class);
    List<ActivityManager.RunningAppProcessInfo> running =
        am == null ? null : am.getRunningAppProcesses();
    if (running == null) {
      return false;
    }
    for (ActivityManager.RunningAppProcessInfo p : running) {
      if (p.pid == pid) {
        return false;
      }
    }
    return true;
  }
}
