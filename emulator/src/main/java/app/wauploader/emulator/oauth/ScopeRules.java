package app.wauploader.emulator.oauth;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.GoogleErrors;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which granted scopes a route needs under {@code requireAuth} (a token may lack some: users can
 * untick scopes on the consent screen). Sources: Photos
 * https://developers.google.com/photos/overview/authorization (since 2025-03-31 only {@code
 * appendonly}, {@code readonly.appcreateddata} and {@code edit.appcreateddata} exist; uploads,
 * batchCreate, albums.create and batchAddMediaItems take {@code appendonly} or {@code
 * edit.appcreateddata}; albums and media item reads take {@code readonly.appcreateddata} or {@code
 * edit.appcreateddata}); Drive
 * https://developers.google.com/workspace/drive/api/guides/api-specific-auth ({@code drive.file} or
 * the wider {@code drive}).
 */
public final class ScopeRules {
  private static final String AUTH = "https://www.googleapis.com/auth/";

  /** Drive: files the app created or opened. */
  public static final String DRIVE_FILE = AUTH + "drive.file";

  /**
   * Drive: the app's hidden application data folder
   * (https://developers.google.com/workspace/drive/api/guides/appdata); the routes check which
   * space a call touches ({@code DriveSpaces}).
   */
  public static final String DRIVE_APPDATA = AUTH + "drive.appdata";

  /** Drive: everything (wider than the app needs; accepted). */
  public static final String DRIVE = AUTH + "drive";

  /** Photos: add to the library. */
  public static final String PHOTOS_APPEND = AUTH + "photoslibrary.appendonly";

  /** Photos: read what the app created. */
  public static final String PHOTOS_READ_APP = AUTH + "photoslibrary.readonly.appcreateddata";

  /** Photos: edit what the app created. */
  public static final String PHOTOS_EDIT_APP = AUTH + "photoslibrary.edit.appcreateddata";

  private ScopeRules() {}

  /** The scopes any one of which lets {@code method} on {@code api} through. */
  public static Set<String> acceptedScopes(ApiRoute api, String method) {
    return switch (api) {
      case DRIVE_FILES, DRIVE_UPLOAD -> Set.of(DRIVE_FILE, DRIVE, DRIVE_APPDATA);
      case PHOTOS_UPLOAD, PHOTOS_BATCH_CREATE -> Set.of(PHOTOS_APPEND, PHOTOS_EDIT_APP);
      case PHOTOS_ALBUMS ->
          method.equals("GET")
              ? Set.of(PHOTOS_READ_APP, PHOTOS_EDIT_APP)
              : Set.of(PHOTOS_APPEND, PHOTOS_EDIT_APP);
      case PHOTOS_MEDIA_ITEMS -> Set.of(PHOTOS_READ_APP, PHOTOS_EDIT_APP);
      default -> Set.of();
    };
  }

  /**
   * Throws Google's answer when {@code grantedScope} (space separated) holds none of the accepted
   * scopes: 403 "Request had insufficient authentication scopes." ({@link
   * GoogleErrors#insufficientScopes}); on {@code /v1/uploads} the 401 "Authentication session is
   * not defined." ({@link GoogleErrors#uploadSessionNotDefined}).
   */
  public static void check(ApiRoute api, String method, String grantedScope) {
    Set<String> accepted = acceptedScopes(api, method);
    if (accepted.isEmpty()) {
      return;
    }
    Set<String> granted =
        Arrays.stream(grantedScope == null ? new String[0] : grantedScope.trim().split("\\s+"))
            .collect(Collectors.toSet());
    if (accepted.stream().anyMatch(granted::contains)) {
      return;
    }
    ApiError error =
        api == ApiRoute.PHOTOS_UPLOAD
            ? GoogleErrors.uploadSessionNotDefined()
            : GoogleErrors.insufficientScopes(api.service(), api.wireName());
    throw error;
  }
}
