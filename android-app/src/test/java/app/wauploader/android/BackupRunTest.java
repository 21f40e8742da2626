package app.wauploader.android;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.Notification;
import android.app.NotificationManager;
import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.Verdict;
import org.junit.Test;

/**
 * The background job's worker backs up WhatsApp's media through core's facade to the emulator (real
 * SQLite file in the app's private storage, real HTTP over loopback, the sign-in's tokens from the
 * app's token file), ends with the CLI's summary line in the notification, and a second run sends
 * nothing.
 */
public class BackupRunTest extends SignedInAppTest {
  @Test
  public void theJobBacksUpTheMediaOnceAndASecondRunSendsNothing() throws Exception {
    BackupRun.Result first = backup();
    RunSummary summary = first.summary().orElseThrow(() -> new AssertionError(first.line()));
    assertThat(summary.verdict()).as(first.line()).isEqualTo(Verdict.DONE);
    int uploaded = summary.count(Outcome.UPLOADED);
    assertThat(uploaded).isGreaterThanOrEqualTo(10);
    // Every uploaded file is one item in Google (Photos media items and Drive files).
    int items = fixture.inspector.items().size();
    assertThat(items).isEqualTo(uploaded);
    long bytes = fixture.inspector.bytesReceived();
    // Request bodies: the files' bytes plus multipart framing of the one-request uploads.
    assertThat(summary.bytesSent()).isPositive();
    assertThat(bytes).isGreaterThanOrEqualTo(summary.bytesSent());
    assertThat(AppEnvironment.database(fixture.app)).exists();
    // Locks carry the app's own host name, never Termux's.
    assertThat(AppEnvironment.of(fixture.app).owner().id())
        .startsWith(AppEnvironment.LOCK_HOST + ":" + android.os.Process.myPid() + ":");

    Notification shown =
        shadowOf(fixture.app.getSystemService(NotificationManager.class))
            .getNotification(ProgressNotification.ID);
    assertThat(shown.extras.getCharSequence(Notification.EXTRA_TEXT).toString())
        .isEqualTo(first.line())
        .startsWith("session 1: uploaded " + uploaded + ", duplicates ");
    assertThat(shown.extras.getCharSequence(Notification.EXTRA_TITLE).toString())
        .isEqualTo("Backed up");

    BackupRun.Result second = backup();
    RunSummary again = second.summary().orElseThrow(() -> new AssertionError(second.line()));
    assertThat(again.verdict()).isEqualTo(Verdict.DONE);
    assertThat(again.count(Outcome.UPLOADED)).isZero();
    assertThat(again.bytesSent()).isZero();
    assertThat(fixture.inspector.bytesReceived()).isEqualTo(bytes);
    assertThat(fixture.inspector.items().size()).isEqualTo(items);
  }

  @Test
  public void withDriveSwitchedOffOnlyPhotosAreSentAndTheRunIsStillDone() throws Exception {
    new AppSettings(fixture.app).set("drive", false);
    BackupRun.Result result = backup();
    RunSummary summary = result.summary().orElseThrow(() -> new AssertionError(result.line()));
    assertThat(summary.verdict()).as(result.line()).isEqualTo(Verdict.DONE);
    assertThat(summary.count(Outcome.SKIPPED)).as("the Drive files").isPositive();
    assertThat(fixture.inspector.items()).isNotEmpty();
    for (com.google.gson.JsonElement e : fixture.inspector.items()) {
      assertThat(e.getAsJsonObject().get("service").getAsString()).isEqualTo("photos");
    }
    new AppSettings(fixture.app).set("photos", false);
    assertThat(backup().line()).contains("choose Google Photos, Google Drive or both");
  }

  @Test
  public void withoutStorageAccessTheRunSaysWhatToAllow() throws Exception {
    fixture.allFilesAccess(false);
    BackupRun.Result result = backup();
    assertThat(result.summary()).isEmpty();
    assertThat(result.line()).contains("All files access");
    assertThat(fixture.inspector.bytesReceived()).isZero();
  }
}
