package app.wauploader.android;

import android.app.Activity;
import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;
import android.widget.TextView;
import java.time.Clock;

/**
 * Receives Google's redirect ({@code
 * com.googleusercontent.apps.<id>:/oauth2redirect?code=…&state=…}), exchanges the code for tokens
 * off the main thread, stores them, and says how it went. On success the backup job is scheduled.
 */
public final class OAuthRedirectActivity extends Activity {
  private TextView text;

  @Override
  protected void onCreate(Bundle saved) {
    super.onCreate(saved);
    text = new TextView(this);
    int pad = (int) (16 * getResources().getDisplayMetrics().density);
    text.setPadding(pad, pad, pad, pad);
    text.setText("Signing in…");
    setContentView(text);
    handle(getIntent());
  }

  @Override
  protected void onNewIntent(Intent intent) {
    super.onNewIntent(intent);
    handle(intent);
  }

  private void handle(Intent intent) {
    Uri answer = intent == null ? null : intent.getData();
    if (answer == null) {
      text.setText("No answer from Google.");
      return;
    }
    Screens.BACKGROUND.execute(
        () -> {
          AndroidSignIn.Result result = new AndroidSignIn(this, Clock.systemUTC()).finish(answer);
          if (result.signedIn()) {
            Jobs.schedule(this);
          }
          runOnUiThread(() -> text.setText(result.message()));
        });
  }

  TextView message() {
    return text;
  }
}
