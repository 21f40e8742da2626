package app.wauploader.android;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.upload.Outcome;
import java.time.Duration;
import org.junit.Test;
import org.robolectric.Robolectric;

/**
 * Files Google refused show on the errors screen with their reason, Google's message and the same
 * advice as {@code wa-uploader errors} gives for that reason.
 */
public class ErrorsScreenTest extends SignedInAppTest {
  @Test
  public void aRefusedFileShowsItsReasonAndWhatToDo() throws Exception {
    fixture.inspector.addFaults(
        "[{\"route\":\"drive.upload\",\"times\":1000,\"action\":\"status\",\"status\":400,"
            + "\"message\":\"This file is not wanted here\"}]");
    BackupRun.Result run = backup();
    assertThat(run.summary().orElseThrow().count(Outcome.FAILED)).as(run.line()).isPositive();

    ErrorsActivity screen = Robolectric.buildActivity(ErrorsActivity.class).setup().get();
    AppFixture.await(
        () -> screen.errorsView().getText().toString().contains("What to do"),
        Duration.ofSeconds(20));
    String text = screen.errorsView().getText().toString();
    assertThat(text)
        .contains("rejected: ")
        .contains("This file is not wanted here")
        .contains("What to do: Google refused this file as it is; see the message")
        .containsPattern("WhatsApp Audio/AUD-20230901-WA0000\\.mp3");
  }
}
