package app.wauploader.cli.auth;

import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.core.auth.GoogleScopes;
import java.util.List;
import java.util.Locale;

/**
 * What {@code auth login --service} asks Google for: the scopes of one service or of both. Photos
 * needs {@code photoslibrary.appendonly} (upload, create albums and items) and {@code
 * photoslibrary.readonly.appcreateddata} (find our albums again); Drive needs {@code drive.file}
 * and {@code drive.appdata} (the catalog shared between devices)
 * (https://developers.google.com/photos/overview/authorization,
 * https://developers.google.com/workspace/drive/api/guides/api-specific-auth).
 */
public enum ServiceScopes {
  PHOTOS(List.of(GoogleScopes.PHOTOS_APPEND, GoogleScopes.PHOTOS_READ_APP)),
  DRIVE(List.of(GoogleScopes.DRIVE_FILE, GoogleScopes.DRIVE_APPDATA)),
  ALL(GoogleScopes.ALL);

  private final List<String> scopes;

  ServiceScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  /** The scopes to ask for. */
  public List<String> scopes() {
    return scopes;
  }

  /** {@code photos}, {@code drive} or {@code all}, as typed on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The service whose scopes include {@code scope} ({@link #ALL} for none). */
  public static ServiceScopes of(String scope) {
    for (ServiceScopes s : List.of(PHOTOS, DRIVE)) {
      if (s.scopes.contains(scope)) {
        return s;
      }
    }
    return ALL;
  }

  /**
   * Parses {@code photos|drive|all} (any case).
   *
   * @throws UserError USAGE for anything else
   */
  public static ServiceScopes parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserError(
          ExitCode.USAGE, "--service takes photos, drive or all, not '" + value + "'");
    }
  }
}
