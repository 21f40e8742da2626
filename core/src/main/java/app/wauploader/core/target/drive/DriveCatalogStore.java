package app.wauploader.core.target.drive;

import app.wauploader.core.catalog.CatalogFormat;
import app.wauploader.core.catalog.CatalogStore;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.retry.Failures;
import app.wauploader.core.retry.TargetException;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Catalogs in the app's hidden application data folder of the user's own Drive
 * (https://developers.google.com/workspace/drive/api/guides/appdata): files are created with {@code
 * parents: ["appDataFolder"]} and listed with {@code spaces=appDataFolder}; the folder needs the
 * {@code https://www.googleapis.com/auth/drive.appdata} scope, only this app can see it, and its
 * files cannot be shared or trashed. Each save is a new file {@code catalog-<device>-v<N>.json.gz}
 * uploaded whole (Drive shows a file only once its upload completed, so a reader never sees half a
 * catalog), labelled with {@code appProperties} (device, name, version, time, contents, format) so
 * that a listing says what each holds without a download; the versions of the device beyond the
 * newest {@link #KEPT_VERSIONS} are deleted afterwards.
 */
public final class DriveCatalogStore implements CatalogStore {
  /** The alias of the application data folder, in {@code parents} and {@code spaces}. */
  static final String APP_DATA = "appDataFolder";

  private static final String MIME_TYPE = "application/gzip";
  private static final String DEVICE = "catalogDevice";
  private static final String NAME = "catalogDeviceName";
  private static final String VERSION = "catalogVersion";
  private static final String SAVED_AT = "catalogSavedAt";
  private static final String CONTENTS = "catalogContents";
  private static final String FORMAT = "catalogFormat";

  /** Longest device name kept in {@code appProperties} (key + value ≤ 124 bytes). */
  private static final int NAME_CHARS = 24;

  private final Drive drive;

  public DriveCatalogStore(GoogleHttp http) {
    this.drive =
        new Drive.Builder(http.transport(), GoogleHttp.json(), http.clientInitializer())
            .setRootUrl(http.endpoints().driveRootUrl())
            .setApplicationName("wa-uploader")
            .build();
  }

  /** {@code files.list} with {@code spaces=appDataFolder}, every page. */
  @Override
  public List<Saved> list() throws TargetException {
    List<Saved> saved = new ArrayList<>();
    try {
      String page = null;
      do {
        FileList list =
            drive
                .files()
                .list()
                .setSpaces(APP_DATA)
                .setQ("trashed = false")
                .setPageSize(1000)
                .setPageToken(page)
                .setFields("nextPageToken,files(id,name,size,appProperties)")
                .execute();
        if (list.getFiles() != null) {
          for (File f : list.getFiles()) {
            parse(f).ifPresent(saved::add);
          }
        }
        page = list.getNextPageToken();
      } while (page != null);
    } catch (GoogleJsonResponseException e) {
      throw DriveFiles.classify(e, "Drive catalog listing");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive catalog listing");
    }
    return saved;
  }

  private static java.util.Optional<Saved> parse(File f) {
    Map<String, String> p = f.getAppProperties();
    if (p == null || p.get(DEVICE) == null || p.get(VERSION) == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          new Saved(
              f.getId(),
              p.get(DEVICE),
              p.getOrDefault(NAME, ""),
              Long.parseLong(p.get(VERSION)),
              Instant.ofEpochMilli(Long.parseLong(p.getOrDefault(SAVED_AT, "0"))),
              Long.parseLong(p.getOrDefault(CONTENTS, "0")),
              Integer.parseInt(p.getOrDefault(FORMAT, "0")),
              f.getSize() == null ? 0 : f.getSize()));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  /** {@code files.get} with {@code alt=media}. */
  @Override
  public byte[] read(Saved saved) throws TargetException {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      drive.files().get(saved.fileId()).executeMediaAndDownloadTo(bytes);
      return bytes.toByteArray();
    } catch (GoogleJsonResponseException e) {
      throw DriveFiles.classify(e, "Drive catalog download");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive catalog download");
    }
  }

  /** {@code files.create} (multipart) into {@code appDataFolder}, then the old versions deleted. */
  @Override
  public void save(
      CatalogFormat.Header catalog, long contents, java.io.InputStream file, long bytes)
      throws TargetException {
    String name =
        String.format(
            Locale.ROOT, "catalog-%s-v%06d.json.gz", catalog.deviceId(), catalog.version());
    File metadata =
        new File()
            .setName(name)
            .setParents(List.of(APP_DATA))
            .setMimeType(MIME_TYPE)
            .setAppProperties(
                Map.of(
                    DEVICE, catalog.deviceId(),
                    NAME, shortName(catalog.deviceName()),
                    VERSION, Long.toString(catalog.version()),
                    SAVED_AT, Long.toString(catalog.savedAt().toEpochMilli()),
                    CONTENTS, Long.toString(contents),
                    FORMAT, Integer.toString(catalog.format())));
    try {
      Drive.Files.Create create =
          drive
              .files()
              .create(
                  metadata,
                  new com.google.api.client.http.InputStreamContent(MIME_TYPE, file)
                      .setLength(bytes))
              .setFields("id");
      create.getMediaHttpUploader().setDirectUploadEnabled(true);
      // gzip'd already.
      create.setDisableGZipContent(true);
      create.execute();
    } catch (GoogleJsonResponseException e) {
      throw DriveFiles.classify(e, "Drive catalog save");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive catalog save");
    }
    prune(catalog.deviceId());
  }

  private void prune(String deviceId) throws TargetException {
    List<Saved> versions = new ArrayList<>();
    for (Saved s : list()) {
      if (s.deviceId().equals(deviceId)) {
        versions.add(s);
      }
    }
    versions.sort(Comparator.comparingLong(Saved::version).reversed());
    for (Saved old : versions.subList(Math.min(KEPT_VERSIONS, versions.size()), versions.size())) {
      try {
        drive.files().delete(old.fileId()).execute();
      } catch (GoogleJsonResponseException e) {
        if (e.getStatusCode() != 404) {
          throw DriveFiles.classify(e, "Drive catalog clean-up");
        }
      } catch (IOException e) {
        throw Failures.fromIo(e, "Drive catalog clean-up");
      }
    }
  }

  private static String shortName(String name) {
    return name.codePointCount(0, name.length()) <= NAME_CHARS
        ? name
        : name.substring(0, name.offsetByCodePoints(0, NAME_CHARS));
  }
}
