package app.wauploader.core.catalog;

import java.io.IOException;

/**
 * A catalog that is refused: damaged (not gzip, not JSON, a field out of its range), foreign (not a
 * wa-uploader catalog) or of a newer format than this build reads. The message is one line a user
 * can read; nothing local was changed.
 */
public final class CatalogException extends IOException {
  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
