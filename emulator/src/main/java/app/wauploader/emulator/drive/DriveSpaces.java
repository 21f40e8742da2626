package app.wauploader.emulator.drive;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.GoogleErrors;
import app.wauploader.emulator.http.Service;
import app.wauploader.emulator.oauth.Caller;
import app.wauploader.emulator.oauth.ScopeRules;
import app.wauploader.emulator.store.EmulatorState;
import app.wauploader.emulator.store.StoredDriveFile;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drive's two spaces the emulator keeps apart: {@code drive} (My Drive) and {@code appDataFolder},
 * the app's hidden application data folder
 * (https://developers.google.com/workspace/drive/api/guides/appdata): a file is created there with
 * {@code parents: ["appDataFolder"]} (the alias of the folder, whose real id the file then names),
 * found with {@code files.list} and {@code spaces=appDataFolder} — the default space of a listing
 * is {@code drive}, which never shows them — and reached only with the {@code
 * https://www.googleapis.com/auth/drive.appdata} scope (or the full {@code drive} scope). Its files
 * cannot be trashed nor moved to another space: 403 {@code notSupportedForAppDataFolderFiles}. A
 * token whose scopes do not cover the requested space gets 403 "The granted scopes do not give
 * access to all of the requested spaces." (the answer reported for a listing, e.g.
 * https://github.com/RobinBobin/react-native-google-drive-api-wrapper/issues/27; the emulator gives
 * the same answer to a create, get, update or delete, which Google's docs leave unsaid).
 */
public final class DriveSpaces {
  /** The application data folder's alias and the name of its space. */
  public static final String APP_DATA = "appDataFolder";

  /** The default space of a listing. */
  public static final String DRIVE = "drive";

  /** Message of a 403 for a token that does not cover a space. */
  static final String SPACES_NOT_GRANTED =
      "The granted scopes do not give access to all of the requested spaces.";

  private DriveSpaces() {}

  /** The id of the application data folder of the Drive whose root is {@code rootId}. */
  public static String appDataId(String rootId) {
    return "appdata-" + rootId;
  }

  /** Whether {@code file} lies in the application data folder (directly or in a folder there). */
  public static boolean inAppData(StoredDriveFile file, EmulatorState state) {
    String appData = appDataId(state.driveRootId());
    StoredDriveFile at = file;
    for (int depth = 0; at != null && depth < 64; depth++) {
      if (at.parents().contains(appData)) {
        return true;
      }
      at = at.parents().isEmpty() ? null : state.driveFiles().get(at.parents().get(0));
    }
    return false;
  }

  /** Whether resolved {@code parents} put a new file into the application data folder. */
  static boolean inAppData(List<String> parents, EmulatorState state) {
    for (String parent : parents) {
      if (parent.equals(appDataId(state.driveRootId()))) {
        return true;
      }
      StoredDriveFile folder = state.driveFiles().get(parent);
      if (folder != null && inAppData(folder, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The spaces a listing asks for: {@code spaces} (comma separated), {@code drive} by default.
   *
   * @throws ApiError 400 {@code invalid} for a space the emulator does not know
   */
  static Set<String> requested(ApiRequest request) {
    Set<String> spaces =
        Arrays.stream(request.param("spaces").orElse(DRIVE).split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    for (String space : spaces) {
      if (!space.equals(DRIVE) && !space.equals(APP_DATA)) {
        throw ApiError.of(400, "invalid", "Invalid Value: spaces: '" + space + "'");
      }
    }
    return spaces.isEmpty() ? Set.of(DRIVE) : spaces;
  }

  /**
   * Checks that the caller's token (under {@code --require-auth}; without it every call passes)
   * covers {@code appData} or My Drive.
   *
   * @throws ApiError 403 as Google answers
   */
  static void checkScope(ApiRequest request, boolean appData) {
    Optional<Caller> caller = request.attribute(Caller.class);
    if (caller.isEmpty()) {
      return;
    }
    Set<String> granted =
        Arrays.stream(
                caller.get().scope() == null ? new String[0] : caller.get().scope().split(" "))
            .collect(Collectors.toSet());
    boolean ok =
        appData
            ? granted.contains(ScopeRules.DRIVE_APPDATA) || granted.contains(ScopeRules.DRIVE)
            : granted.contains(ScopeRules.DRIVE_FILE) || granted.contains(ScopeRules.DRIVE);
    if (!ok) {
      throw appData
          ? ApiError.of(403, "insufficientPermissions", SPACES_NOT_GRANTED)
          : GoogleErrors.insufficientScopes(Service.DRIVE, "drive.files");
    }
  }

  /** As {@link #checkScope} for each space of a listing. */
  static void checkScope(ApiRequest request, Set<String> spaces) {
    try {
      for (String space : spaces) {
        checkScope(request, space.equals(APP_DATA));
      }
    } catch (ApiError e) {
      throw ApiError.of(403, "insufficientPermissions", SPACES_NOT_GRANTED);
    }
  }

  /** 403 {@code notSupportedForAppDataFolderFiles}, for trashing or moving such a file. */
  static ApiError notSupported(String message) {
    return ApiError.of(403, "notSupportedForAppDataFolderFiles", message);
  }

  /** Marks {@code request} as one whose upload body went into the application data folder. */
  static void markAppDataBody(ApiRequest request) {
    request.setAttribute(AppDataBody.class, new AppDataBody());
  }

  /** The mark of {@link #markAppDataBody}: such bytes are counted apart from media bytes. */
  public record AppDataBody() {}
}
