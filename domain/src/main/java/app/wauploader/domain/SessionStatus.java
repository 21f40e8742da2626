package app.wauploader.domain;

import java.util.Locale;

/** Status of an upload session (one run over a set of files). */
public enum SessionStatus {
  RUNNING,
  COMPLETED,
  FAILED,
  PAUSED,
  INTERRUPTED;

  /** The value stored in the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}. */
  public static SessionStatus fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
