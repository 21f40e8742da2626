package app.wauploader.android;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.upload.Verdict;
import java.time.Duration;
import org.junit.Test;
import org.robolectric.Robolectric;

/**
 * The status screen of a session that Google Photos' daily quota paused: what is safe, what waits
 * for which service until when and why, and the paused run with its time.
 */
public class StatusScreenTest extends SignedInAppTest {
  @Test
  public void aPausedSessionShowsWhatWaitsUntilWhenAndWhy() throws Exception {
    fixture.inspector.addFaults(
        "[{\"route\":\"photos.upload\",\"times\":1000,\"action\":\"dailyQuota\"}]");
    BackupRun.Result run = backup();
    assertThat(run.summary().orElseThrow().verdict())
        .as(run.line())
        .isEqualTo(Verdict.WAITING_FOR_QUOTA);

    MainActivity screen = Robolectric.buildActivity(MainActivity.class).setup().get();
    AppFixture.await(
        () -> screen.statusView().getText().toString().contains("Last runs"),
        Duration.ofSeconds(20));
    String text = screen.statusView().getText().toString();
    assertThat(text)
        .containsPattern("Safe in Google: [1-9][0-9]* files")
        .containsPattern("Not yet in Google: [1-9][0-9]* files")
        .containsPattern(
            "Google Photos: [1-9][0-9]* files? waits? until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d .*"
                + " \\(daily quota used up\\); the app goes on by itself after the quota resets"
                + " \\(midnight Pacific Time\\)")
        .containsPattern("paused: \\d+ uploaded")
        .containsPattern("paused until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d")
        .contains("Failed: 0 files")
        .containsPattern(
            "Google Photos requests today: [1-9][0-9]* of 10000; [1-9][0-9]* photos and videos to go")
        .contains("Last run ");
  }
}
