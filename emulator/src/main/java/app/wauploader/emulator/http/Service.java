package app.wauploader.emulator.http;

/**
 * The Google service a route imitates. It decides the shape of error bodies and whether the {@code
 * requireAuth} check applies (only {@link #DRIVE} and {@link #PHOTOS} routes need a bearer token;
 * OAuth and the emulator's own inspection routes never do).
 */
public enum Service {
  /** Drive v3: https://developers.google.com/workspace/drive/api/guides/handle-errors */
  DRIVE,
  /** Photos Library API: https://developers.google.com/photos/library/guides/api-limits-quotas */
  PHOTOS,
  /** Google OAuth 2.0: https://developers.google.com/identity/protocols/oauth2/native-app */
  OAUTH,
  /** The emulator's own {@code /__emulator/...} inspection and control routes. */
  EMULATOR;

  /** True when a bearer access token is required for this service under {@code requireAuth}. */
  public boolean isGoogleApi() {
    return this == DRIVE || this == PHOTOS;
  }
}
