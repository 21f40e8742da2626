package app.wauploader.core.source;

import java.io.IOException;

/** A source that cannot be read at all (missing, not a folder, unreadable, not a ZIP archive). */
public final class SourceUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line naming the source and what is wrong with it
   */
  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
