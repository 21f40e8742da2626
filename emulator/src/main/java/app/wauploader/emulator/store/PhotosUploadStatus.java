package app.wauploader.emulator.store;

import java.util.Locale;

/**
 * State of a Photos resumable upload as reported in {@code X-Goog-Upload-Status}
 * (https://developers.google.com/photos/library/guides/resumable-uploads).
 */
public enum PhotosUploadStatus {
  ACTIVE,
  FINAL,
  CANCELLED;

  /** The header value: {@code active}, {@code final} or {@code cancelled}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
