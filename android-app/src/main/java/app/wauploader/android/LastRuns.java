package app.wauploader.android;

import android.content.Context;
import android.content.SharedPreferences;
import java.time.Instant;
import java.util.Optional;

/**
 * The last background run's outcome in a line, for the status screen (the sessions themselves are
 * in the database; a run that could not start has no session).
 */
final class LastRuns {
  private final SharedPreferences prefs;

  LastRuns(Context context) {
    prefs = context.getApplicationContext().getSharedPreferences("last-run", Context.MODE_PRIVATE);
  }

  void record(Instant at, String line) {
    prefs.edit().putLong("at", at.toEpochMilli()).putString("line", line).commit();
  }

  /** The time and the line of the last run, if one ran. */
  Optional<String> last(java.time.format.DateTimeFormatter format) {
    String line = prefs.getString("line", null);
    if (line == null) {
      return Optional.empty();
    }
    return Optional.of(format.format(Instant.ofEpochMilli(prefs.getLong("at", 0))) + ": " + line);
  }
}
