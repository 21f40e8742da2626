package app.wauploader.android;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What the screens share: the time format and the thread that reads the database. */
final class Screens {
  /** Times on screen: local, with the zone. */
  static DateTimeFormatter time() {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(ZoneId.systemDefault());
  }

  /** Database reads and the sign-in's code exchange never run on the main thread. */
  static final ExecutorService BACKGROUND =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "wa-uploader-screens");
            t.setDaemon(true);
            return t;
          });

  private Screens() {}
}
