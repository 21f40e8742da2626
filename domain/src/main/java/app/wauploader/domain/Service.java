package app.wauploader.domain;

import java.util.Locale;

/** Where a file's bytes go: Google Photos (images, videos) or Google Drive (everything else). */
public enum Service {
  PHOTOS,
  DRIVE;

  /** The value stored in the database and shown to users: {@code photos} or {@code drive}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}. */
  public static Service fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
