package app.wauploader.emulator.http;

import java.util.Arrays;
import java.util.Optional;

/**
 * Named groups of routes. The wire names appear in {@code GET /__emulator/stats} request counts and
 * in fault rules ({@code "route": "drive.upload"}).
 */
public enum ApiRoute {
  /** Drive metadata calls: files.create (metadata only), files.list, files.get, update, delete. */
  DRIVE_FILES("drive.files", Service.DRIVE),
  /**
   * Drive uploads: resumable initiation, chunk PUTs, status queries, multipart and media uploads.
   */
  DRIVE_UPLOAD("drive.upload", Service.DRIVE),
  /** Photos {@code /v1/uploads}: raw uploads and every resumable upload command. */
  PHOTOS_UPLOAD("photos.upload", Service.PHOTOS),
  /** Photos {@code mediaItems:batchCreate}. */
  PHOTOS_BATCH_CREATE("photos.batchCreate", Service.PHOTOS),
  /** Photos album calls: create, list, get, batchAddMediaItems. */
  PHOTOS_ALBUMS("photos.albums", Service.PHOTOS),
  /** Photos media item reads: get, list, search. */
  PHOTOS_MEDIA_ITEMS("photos.mediaItems", Service.PHOTOS),
  /** OAuth token endpoint (code exchange and refresh). */
  OAUTH_TOKEN("oauth.token", Service.OAUTH),
  /** OAuth authorization endpoint (auto-approving consent). */
  OAUTH_AUTH("oauth.auth", Service.OAUTH),
  /** OAuth revocation endpoint. */
  OAUTH_REVOKE("oauth.revoke", Service.OAUTH),
  /** The emulator's own inspection and control routes: never counted, never faulted. */
  EMULATOR("emulator", Service.EMULATOR);

  private final String wireName;
  private final Service service;

  ApiRoute(String wireName, Service service) {
    this.wireName = wireName;
    this.service = service;
  }

  /** The name used in stats and fault rules, e.g. {@code drive.upload}. */
  public String wireName() {
    return wireName;
  }

  public Service service() {
    return service;
  }

  /** True for routes that are counted in stats and may be targeted by fault rules. */
  public boolean isCounted() {
    return this != EMULATOR;
  }

  /** The route with this wire name, if any. */
  public static Optional<ApiRoute> byWireName(String wireName) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(wireName)).findFirst();
  }
}
