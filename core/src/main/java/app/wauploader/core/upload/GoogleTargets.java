package app.wauploader.core.upload;

import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.drive.DriveTarget;
import app.wauploader.core.target.photos.PhotosTarget;
import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import java.util.Map;

/** The production targets: Google Photos and Google Drive, remembering containers in the DB. */
public final class GoogleTargets {
  private GoogleTargets() {}

  /** Photos and Drive targets over {@code http}, remembering folder and album ids in {@code db}. */
  public static Map<Service, Target> create(GoogleHttp http, Database db) {
    return create(http, db, PhotosTarget.ALBUM_CAPACITY);
  }

  /** As {@link #create(GoogleHttp, Database)}, albums rolling over after {@code albumCapacity}. */
  public static Map<Service, Target> create(GoogleHttp http, Database db, int albumCapacity) {
    DatabaseContainerIds containers = new DatabaseContainerIds(db);
    return Map.of(
        Service.PHOTOS, new PhotosTarget(http, containers, albumCapacity),
        Service.DRIVE, new DriveTarget(http, containers));
  }
}
