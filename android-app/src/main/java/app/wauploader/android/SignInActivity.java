package app.wauploader.android;

import android.app.Activity;
import android.content.Intent;
import android.os.Bundle;
import android.widget.TextView;
import java.time.Clock;

/**
 * Opens Google's consent page in the browser ({@code ACTION_VIEW}); the answer comes back to {@link
 * OAuthRedirectActivity}. A build without an OAuth client says how to make one.
 */
public final class SignInActivity extends Activity {
  @Override
  protected void onCreate(Bundle saved) {
    super.onCreate(saved);
    AppSettings settings = new AppSettings(this);
    if (!settings.signInConfigured()) {
      TextView text = new TextView(this);
      text.setText(
          "This build has no Google OAuth client. Create an Android client for package "
              + getPackageName()
              + " (see the README, \"Install the Android app\") and build with"
              + " -Dwa.android.clientId=….apps.googleusercontent.com.");
      setContentView(text);
      return;
    }
    startActivity(
        new Intent(Intent.ACTION_VIEW, new AndroidSignIn(this, Clock.systemUTC()).start())
            .addCategory(Intent.CATEGORY_BROWSABLE));
    finish();
  }
}
