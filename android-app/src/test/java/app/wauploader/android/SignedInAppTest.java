package app.wauploader.android;

import app.wauploader.core.upload.RunControl;
import java.time.Clock;
import java.time.Duration;
import org.junit.After;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;

/**
 * The app with WhatsApp media on its external storage and a sign-in against the emulator (started
 * for each test on 127.0.0.1), and one way to run its backup job's worker.
 */
@RunWith(RobolectricTestRunner.class)
public abstract class SignedInAppTest {
  protected AppFixture fixture;

  @Before
  public void start() throws Exception {
    fixture = new AppFixture();
    fixture.withWhatsAppMedia();
    fixture.signedIn();
  }

  @After
  public void stop() throws Exception {
    fixture.close();
  }

  /** One run of the backup job's worker, with a two-minute deadline. */
  protected BackupRun.Result backup() throws InterruptedException {
    return BackupRun.run(
        fixture.app,
        RunControl.withDeadline(Clock.systemUTC(), Duration.ofMinutes(2)),
        new ProgressNotification(fixture.app));
  }
}
