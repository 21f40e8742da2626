package app.wauploader.android;

import android.app.Activity;
import android.os.Bundle;
import android.widget.ScrollView;
import android.widget.TextView;
import app.wauploader.core.app.Backups;
import java.util.Optional;

/** The recorded failures, newest first, each with its reason and what to do about it. */
public final class ErrorsActivity extends Activity {
  private TextView text;

  @Override
  protected void onCreate(Bundle saved) {
    super.onCreate(saved);
    text = new TextView(this);
    text.setTextIsSelectable(true);
    int pad = (int) (16 * getResources().getDisplayMetrics().density);
    text.setPadding(pad, pad, pad, pad);
    ScrollView scroll = new ScrollView(this);
    scroll.addView(text);
    setContentView(scroll);
    Screens.BACKGROUND.execute(
        () -> {
          String shown =
              ErrorsText.render(
                  new Backups(AppEnvironment.of(this)).errors(100, Optional.empty()),
                  Screens.time());
          runOnUiThread(() -> text.setText(shown));
        });
  }

  TextView errorsView() {
    return text;
  }
}
