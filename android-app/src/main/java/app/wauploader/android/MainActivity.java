package app.wauploader.android;

import android.app.Activity;
import android.content.Intent;
import android.net.Uri;
import android.os.Build;
import android.os.Bundle;
import android.provider.Settings;
import android.widget.Button;
import android.widget.CheckBox;
import android.widget.LinearLayout;
import android.widget.ScrollView;
import android.widget.TextView;
import app.wauploader.core.app.Backups;
import java.util.Optional;

/**
 * The one screen of the app: what is backed up and what is not (the status), the choices (which
 * WhatsApp, Wi-Fi only, only while charging), storage access, sign-in, "Back up now" and the
 * errors. Views are built in code: framework widgets, no AndroidX.
 */
public final class MainActivity extends Activity {
  static final int PICK_TREE = 1;

  private TextView status;
  private TextView access;

  @Override
  protected void onCreate(Bundle saved) {
    super.onCreate(saved);
    AppSettings settings = new AppSettings(this);
    LinearLayout column = new LinearLayout(this);
    column.setOrientation(LinearLayout.VERTICAL);
    int pad = (int) (16 * getResources().getDisplayMetrics().density);
    column.setPadding(pad, pad, pad, pad);

    status = new TextView(this);
    status.setTextIsSelectable(true);
    column.addView(status);

    access = new TextView(this);
    column.addView(access);
    column.addView(
        button(
            "Allow all files access",
            () -> {
              if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
                startActivity(
                    new Intent(
                        Settings.ACTION_MANAGE_APP_ALL_FILES_ACCESS_PERMISSION,
                        Uri.parse("package:" + getPackageName())));
              } else {
                requestPermissions(
                    new String[] {android.Manifest.permission.READ_EXTERNAL_STORAGE}, 2);
              }
            }));
    column.addView(
        button(
            "Or choose WhatsApp's Media folder",
            () ->
                startActivityForResult(
                    new Intent(Intent.ACTION_OPEN_DOCUMENT_TREE)
                        .addFlags(Intent.FLAG_GRANT_PERSISTABLE_URI_PERMISSION),
                    PICK_TREE)));

    column.addView(check("Back up WhatsApp", "whatsapp", settings.whatsApp()));
    column.addView(check("Back up WhatsApp Business", "business", settings.business()));
    column.addView(check("Photos and videos to Google Photos", "photos", settings.photos()));
    column.addView(check("Everything else to Google Drive", "drive", settings.drive()));
    column.addView(check("Wi-Fi only", "unmetered_only", settings.unmeteredOnly()));
    column.addView(check("Only while charging", "charging_only", settings.chargingOnly()));

    column.addView(
        button("Sign in with Google", () -> startActivity(new Intent(this, SignInActivity.class))));
    column.addView(button("Back up now", () -> Jobs.backUpNow(this)));
    column.addView(button("Errors", () -> startActivity(new Intent(this, ErrorsActivity.class))));

    ScrollView scroll = new ScrollView(this);
    scroll.addView(column);
    setContentView(scroll);
    Jobs.schedule(this);
    if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
      requestPermissions(new String[] {android.Manifest.permission.POST_NOTIFICATIONS}, 3);
    }
  }

  @Override
  protected void onResume() {
    super.onResume();
    refresh();
  }

  /** Reads the status off the main thread and shows it. */
  void refresh() {
    AppSettings settings = new AppSettings(this);
    access.setText(
        MediaAccess.allFilesAccess(this)
            ? "Storage: all files access granted."
            : settings.safTree().isPresent()
                ? "Storage: the chosen folder " + settings.safTree().get().getPath()
                : "Storage: not granted yet.");
    Screens.BACKGROUND.execute(
        () -> {
          String text =
              StatusText.render(
                  new Backups(AppEnvironment.of(this)).status(5),
                  new LastRuns(this).last(Screens.time()),
                  Screens.time());
          runOnUiThread(() -> status.setText(text));
        });
  }

  @Override
  protected void onActivityResult(int request, int result, Intent data) {
    if (request == PICK_TREE && result == RESULT_OK && data != null && data.getData() != null) {
      Uri tree = data.getData();
      getContentResolver()
          .takePersistableUriPermission(tree, Intent.FLAG_GRANT_READ_URI_PERMISSION);
      new AppSettings(this).setSafTree(Optional.of(tree));
      refresh();
    }
  }

  private Button button(String label, Runnable action) {
    Button b = new Button(this);
    b.setText(label);
    b.setOnClickListener(v -> action.run());
    return b;
  }

  private CheckBox check(String label, String key, boolean value) {
    CheckBox c = new CheckBox(this);
    c.setText(label);
    c.setChecked(value);
    c.setOnCheckedChangeListener(
        (v, on) -> {
          new AppSettings(this).set(key, on);
          Jobs.schedule(this);
        });
    return c;
  }

  TextView statusView() {
    return status;
  }
}
