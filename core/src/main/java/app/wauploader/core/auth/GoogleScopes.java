package app.wauploader.core.auth;

import java.util.List;

/**
 * The OAuth scopes the backup needs, whatever the front end signs in with. Since 2025-03-31 the
 * Photos Library API only has app-created-data scopes
 * (https://developers.google.com/photos/overview/authorization).
 */
public final class GoogleScopes {
  /**
   * Drive: only files this app created
   * (https://developers.google.com/workspace/drive/api/guides/api-specific-auth).
   */
  public static final String DRIVE_FILE = "https://www.googleapis.com/auth/drive.file";

  /**
   * Drive: the app's hidden application data folder, where the catalog is shared between the user's
   * devices (https://developers.google.com/workspace/drive/api/guides/appdata; a non-sensitive
   * scope).
   */
  public static final String DRIVE_APPDATA = "https://www.googleapis.com/auth/drive.appdata";

  /** Photos: upload, create albums and media items. */
  public static final String PHOTOS_APPEND =
      "https://www.googleapis.com/auth/photoslibrary.appendonly";

  /** Photos: read back what this app created (album lookup). */
  public static final String PHOTOS_READ_APP =
      "https://www.googleapis.com/auth/photoslibrary.readonly.appcreateddata";

  /** Every scope a backup needs. */
  public static final List<String> ALL =
      List.of(DRIVE_FILE, DRIVE_APPDATA, PHOTOS_APPEND, PHOTOS_READ_APP);

  private GoogleScopes() {}
}
