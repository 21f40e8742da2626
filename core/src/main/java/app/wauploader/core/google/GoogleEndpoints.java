package app.wauploader.core.google;

import java.net.URI;

/**
 * Base URLs of every Google service we call. {@link #google()} gives the real endpoints; {@link
 * #at(URI)} sends every call (Drive, Photos, OAuth) to one base URL with Google's own paths, which
 * is how the emulator is reached.
 *
 * @param driveRootUrl Drive client root, ending in {@code /} (paths {@code drive/v3/…} and {@code
 *     upload/drive/v3/…} are appended)
 * @param photosRootUrl Photos Library root, ending in {@code /} ({@code v1/…} is appended)
 * @param authorizationUrl OAuth authorization endpoint (browser)
 * @param tokenUrl OAuth token endpoint
 * @param revocationUrl OAuth revocation endpoint
 */
public record GoogleEndpoints(
    String driveRootUrl,
    String photosRootUrl,
    String authorizationUrl,
    String tokenUrl,
    String revocationUrl) {

  /**
   * The real Google endpoints. Sources:
   * https://developers.google.com/workspace/drive/api/reference/rest/v3 (www.googleapis.com),
   * https://developers.google.com/photos/library/reference/rest (photoslibrary.googleapis.com),
   * https://developers.google.com/identity/protocols/oauth2/native-app (accounts / oauth2).
   */
  public static GoogleEndpoints google() {
    return new GoogleEndpoints(
        "https://www.googleapis.com/",
        "https://photoslibrary.googleapis.com/",
        "https://accounts.google.com/o/oauth2/v2/auth",
        "https://oauth2.googleapis.com/token",
        "https://oauth2.googleapis.com/revoke");
  }

  /** Every service at {@code base} (e.g. {@code http://127.0.0.1:4321}) with Google's paths. */
  public static GoogleEndpoints at(URI base) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    return new GoogleEndpoints(
        root, root, root + "o/oauth2/v2/auth", root + "token", root + "revoke");
  }

  /**
   * The service a request URL belongs to (Photos Library {@code v1/…}, Drive {@code drive/v3/…} and
   * {@code upload/drive/v3/…}), if any: what counts against which daily quota.
   */
  public java.util.Optional<app.wauploader.domain.Service> serviceOf(String url) {
    if (url.startsWith(photosRootUrl + "v1/")) {
      return java.util.Optional.of(app.wauploader.domain.Service.PHOTOS);
    }
    if (url.startsWith(driveRootUrl + "drive/") || url.startsWith(driveRootUrl + "upload/drive/")) {
      return java.util.Optional.of(app.wauploader.domain.Service.DRIVE);
    }
    return java.util.Optional.empty();
  }

  /** Drive resumable upload initiation URL. */
  public String driveResumableUploadUrl() {
    return driveRootUrl + "upload/drive/v3/files?uploadType=resumable";
  }
}
