package app.wauploader.core.catalog;

import app.wauploader.core.retry.TargetException;
import java.time.Instant;
import java.util.List;

/**
 * Where devices keep their catalogs: the app's hidden folder in the user's own Google Drive ({@code
 * DriveCatalogStore}), or memory in tests. Each device saves numbered versions of its own catalog
 * and keeps the newest few; a reader only ever sees complete files.
 */
public interface CatalogStore {
  /**
   * One saved catalog version, as listed (without downloading it).
   *
   * @param fileId the store's id of the file
   * @param deviceId the saving device's random id
   * @param deviceName its name as shown to a user
   * @param version its version, from 1
   * @param savedAt when it was saved
   * @param contents how many contents it holds
   * @param format its format version
   * @param bytes the file's size
   */
  record Saved(
      String fileId,
      String deviceId,
      String deviceName,
      long version,
      Instant savedAt,
      long contents,
      int format,
      long bytes) {}

  /** How many versions of one device's catalog are kept. */
  int KEPT_VERSIONS = 3;

  /**
   * Every catalog version saved, of every device.
   *
   * @throws TargetException classified (network, sign-in, scope missing, quota …)
   */
  List<Saved> list() throws TargetException;

  /** The bytes of {@code saved}. */
  byte[] read(Saved saved) throws TargetException;

  /**
   * Saves a new version: the whole file is stored before any older version is removed; then all but
   * the newest {@link #KEPT_VERSIONS} of that device are removed.
   *
   * @param header who saves it, which version, when
   * @param contents how many contents it holds
   * @param file the gzip'd file {@link CatalogFormat} wrote, {@code bytes} long (read to its end,
   *     not closed)
   */
  void save(CatalogFormat.Header header, long contents, java.io.InputStream file, long bytes)
      throws TargetException;
}
