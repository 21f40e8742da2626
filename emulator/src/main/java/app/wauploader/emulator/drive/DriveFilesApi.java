package app.wauploader.emulator.drive;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.Json;
import app.wauploader.emulator.http.PageToken;
import app.wauploader.emulator.http.Reply;
import app.wauploader.emulator.http.Rfc3339;
import app.wauploader.emulator.http.Router;
import app.wauploader.emulator.store.BlobStore;
import app.wauploader.emulator.store.ContentDigest;
import app.wauploader.emulator.store.DriveFileDraft;
import app.wauploader.emulator.store.EmulatorState;
import app.wauploader.emulator.store.EmulatorStore;
import app.wauploader.emulator.store.RandomIds;
import app.wauploader.emulator.store.StoredDriveFile;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Drive v3 metadata routes
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files):
 *
 * <ul>
 *   <li>{@code POST /drive/v3/files}: files.create without content (folders, empty files,
 *       shortcuts)
 *   <li>{@code GET /drive/v3/files}: files.list with {@code q}, {@code pageSize}, {@code
 *       pageToken}, {@code spaces} ({@code drive} by default, {@code appDataFolder}: see {@link
 *       DriveSpaces})
 *   <li>{@code GET /drive/v3/files/{fileId}}: files.get ({@code alt=media} streams the content)
 *   <li>{@code PATCH /drive/v3/files/{fileId}}: files.update of metadata, {@code addParents},
 *       {@code removeParents}
 *   <li>{@code DELETE /drive/v3/files/{fileId}}: files.delete (folders with their contents)
 * </ul>
 */
public final class DriveFilesApi {
  private static final Instant ROOT_CREATED = Instant.parse("2020-01-01T00:00:00Z");
  private static final int DEFAULT_PAGE_SIZE = 100;
  private static final int MAX_PAGE_SIZE = 1000;

  private final EmulatorStore store;
  private final Clock clock;

  public DriveFilesApi(EmulatorStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Adds this API's routes to {@code router}. */
  public void register(Router router) {
    router.add("POST", "/drive/v3/files", ApiRoute.DRIVE_FILES, this::create);
    router.add("GET", "/drive/v3/files", ApiRoute.DRIVE_FILES, this::list);
    router.add("GET", "/drive/v3/files/{fileId}", ApiRoute.DRIVE_FILES, this::get);
    router.add("PATCH", "/drive/v3/files/{fileId}", ApiRoute.DRIVE_FILES, this::update);
    router.add("DELETE", "/drive/v3/files/{fileId}", ApiRoute.DRIVE_FILES, this::delete);
    router.add("GET", "/drive/v3/about", ApiRoute.DRIVE_FILES, this::about);
  }

  /** A new stored file from a draft with resolved parents and the content's digest. */
  static StoredDriveFile newFile(
      String id,
      DriveFileDraft draft,
      List<String> parents,
      ContentDigest digest,
      String blobId,
      StoredDriveFile.Shortcut shortcut,
      Instant now) {
    boolean folder =
        StoredDriveFile.FOLDER_MIME_TYPE.equals(draft.mimeType())
            || StoredDriveFile.SHORTCUT_MIME_TYPE.equals(draft.mimeType());
    return new StoredDriveFile(
        id,
        draft.name(),
        draft.mimeType(),
        parents,
        draft.appProperties(),
        draft.description(),
        draft.createdTime() == null ? now : draft.createdTime(),
        draft.modifiedTime() == null ? now : draft.modifiedTime(),
        folder ? 0 : digest.size(),
        folder ? null : digest.md5(),
        folder ? null : digest.sha1(),
        folder ? null : digest.sha256(),
        folder ? null : blobId,
        false,
        shortcut);
  }

  /**
   * files.create without media. A shortcut
   * (https://developers.google.com/drive/api/guides/shortcuts) gets its own name, parents and
   * appProperties; its {@code targetMimeType} is copied from the target "when the shortcut is
   * created", and without a {@code name} it takes the target's ("the title of the target is used as
   * the title of the shortcut"). The target must exist: an unknown or trashed target id is 404
   * {@code notFound} "File not found: ID." like every other unknown file id (handle-errors guide,
   * https://developers.google.com/workspace/drive/api/guides/handle-errors, and e.g.
   * https://github.com/googleapis/google-api-python-client/issues/1186); refusing trashed targets
   * is the emulator's stricter choice, Google's docs don't say.
   */
  private Reply create(ApiRequest request) throws IOException {
    JsonObject body = request.jsonBody();
    DriveFileDraft draft = DriveMetadata.draft(body, "application/octet-stream");
    boolean named = Json.string(body, "name").isPresent();
    FieldMask mask = DriveJson.fileMask(request.param("fields"));
    Instant now = clock.instant();
    StoredDriveFile file =
        store.write(
            state -> {
              StoredDriveFile.Shortcut shortcut = null;
              DriveFileDraft checked = draft;
              if (draft.shortcutTargetId() != null) {
                StoredDriveFile target = state.driveFiles().get(draft.shortcutTargetId());
                if (target == null || target.trashed()) {
                  throw ApiError.notFound("File not found: " + draft.shortcutTargetId() + ".");
                }
                shortcut = new StoredDriveFile.Shortcut(target.id(), target.mimeType());
                if (!named) {
                  checked = renamed(draft, target.name());
                }
              }
              List<String> parents = DriveMetadata.resolveParents(checked.parents(), state);
              DriveSpaces.checkScope(request, DriveSpaces.inAppData(parents, state));
              StoredDriveFile created =
                  newFile(
                      RandomIds.driveFileId(),
                      checked,
                      parents,
                      BlobStore.emptyDigest(),
                      null,
                      shortcut,
                      now);
              state.driveFiles().put(created.id(), created);
              return created;
            });
    return Reply.json(200, DriveJson.file(file, mask));
  }

  private static DriveFileDraft renamed(DriveFileDraft draft, String name) {
    return new DriveFileDraft(
        name,
        draft.mimeType(),
        draft.parents(),
        draft.appProperties(),
        draft.description(),
        draft.modifiedTime(),
        draft.shortcutTargetId(),
        draft.createdTime());
  }

  private Reply list(ApiRequest request) {
    int pageSize =
        request
            .param("pageSize")
            .map(t -> PageToken.pageSize(t, MAX_PAGE_SIZE))
            .orElse(DEFAULT_PAGE_SIZE);
    int offset = request.param("pageToken").map(PageToken::decode).orElse(0);
    String q = request.param("q").orElse("");
    FieldMask mask = DriveJson.listMask(request.param("fields"));
    FieldMask fileMask = mask.child("files").orElse(null);
    java.util.Set<String> spaces = DriveSpaces.requested(request);
    DriveSpaces.checkScope(request, spaces);
    List<StoredDriveFile> matches =
        store.read(
            state -> {
              Predicate<StoredDriveFile> predicate = DriveQuery.parse(q, state.driveRootId());
              return state.driveFiles().values().stream()
                  .filter(
                      f ->
                          spaces.contains(
                              DriveSpaces.inAppData(f, state)
                                  ? DriveSpaces.APP_DATA
                                  : DriveSpaces.DRIVE))
                  .filter(predicate)
                  .toList();
            });
    JsonArray files = new JsonArray();
    int end = Math.min(matches.size(), offset + pageSize);
    for (int i = Math.min(offset, matches.size()); i < end; i++) {
      files.add(DriveJson.file(matches.get(i), fileMask == null ? mask : fileMask));
    }
    JsonObject body = new JsonObject();
    body.addProperty("kind", "drive#fileList");
    body.addProperty("incompleteSearch", false);
    if (end < matches.size()) {
      body.addProperty("nextPageToken", PageToken.encode(end));
    }
    body.add("files", files);
    return Reply.json(200, mask.apply(body));
  }

  /** The signed-in account whose Drive this is (the emulator has one, fixed user). */
  public static final String EMULATED_EMAIL = "emulated.user@example.com";

  /**
   * {@code about.get}: who the Drive belongs to
   * (https://developers.google.com/workspace/drive/api/reference/rest/v3/about). Only {@code user}
   * is answered. {@code fields} is required ("You must set the fields parameter", 400 {@code
   * required} "The 'fields' parameter is required for this method." without it) and honoured.
   */
  private Reply about(ApiRequest request) {
    Optional<String> fields = request.param("fields").filter(f -> !f.isBlank());
    if (fields.isEmpty()) {
      throw ApiError.of(400, "required", "The 'fields' parameter is required for this method.");
    }
    FieldMask mask = FieldMask.of(fields, "user");
    com.google.gson.JsonObject user = new com.google.gson.JsonObject();
    user.addProperty("kind", "drive#user");
    user.addProperty("displayName", "Emulated User");
    user.addProperty("emailAddress", EMULATED_EMAIL);
    user.addProperty("me", true);
    com.google.gson.JsonObject about = new com.google.gson.JsonObject();
    about.addProperty("kind", "drive#about");
    about.add("user", user);
    return Reply.json(200, mask.apply(about));
  }

  private Reply get(ApiRequest request) {
    String id = request.pathParameter("fileId");
    boolean media = request.param("alt").filter("media"::equals).isPresent();
    FieldMask mask = DriveJson.fileMask(request.param("fields"));
    record Lookup(StoredDriveFile file, String rootId, boolean appData) {}
    Lookup lookup =
        store.read(
            state -> {
              StoredDriveFile file = state.driveFiles().get(id);
              return new Lookup(
                  file, state.driveRootId(), file != null && DriveSpaces.inAppData(file, state));
            });
    if (lookup.file != null) {
      DriveSpaces.checkScope(request, lookup.appData);
    }
    if (lookup.file == null) {
      if (id.equals("root") || id.equals(lookup.rootId)) {
        if (media) {
          throw ApiError.of(
              403, "fileNotDownloadable", "Only files with binary content can be downloaded.");
        }
        return Reply.json(200, mask.apply(DriveJson.root(lookup.rootId, ROOT_CREATED)));
      }
      throw ApiError.notFound("File not found: " + id + ".");
    }
    StoredDriveFile file = lookup.file;
    if (!media) {
      return Reply.json(200, DriveJson.file(file, mask));
    }
    // A shortcut is not downloadable either: Drive answers "Only files with binary content can be
    // downloaded." (https://github.com/cguZZman/plugin.googledrive/issues/176).
    if (!file.hasContent()) {
      throw ApiError.of(
          403, "fileNotDownloadable", "Only files with binary content can be downloaded.");
    }
    if (file.blob().isEmpty()) {
      return Reply.text(200, file.mimeType(), "");
    }
    return Reply.file(file.mimeType(), store.blobs().path(file.blobId()), file.size());
  }

  private Reply update(ApiRequest request) throws IOException {
    String id = request.pathParameter("fileId");
    JsonObject body = request.jsonBody();
    List<String> add = commaList(request.param("addParents").orElse(""));
    List<String> remove = commaList(request.param("removeParents").orElse(""));
    if (body.has("shortcutDetails")) {
      // "targetId … can only be set on files.create requests"; the rest is output only
      // (https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File).
      throw DriveMetadata.notWritable();
    }
    FieldMask mask = DriveJson.fileMask(request.param("fields"));
    Instant now = clock.instant();
    StoredDriveFile updated =
        store.write(
            state -> {
              StoredDriveFile file = state.driveFiles().get(id);
              if (file == null) {
                throw ApiError.notFound("File not found: " + id + ".");
              }
              boolean appData = DriveSpaces.inAppData(file, state);
              DriveSpaces.checkScope(request, appData);
              JsonElement trashing = body.get("trashed");
              if (appData
                  && trashing != null
                  && trashing.isJsonPrimitive()
                  && trashing.getAsBoolean()) {
                throw DriveSpaces.notSupported(
                    "Files within the Application Data folder cannot be trashed.");
              }
              if (!add.isEmpty()
                  && DriveSpaces.inAppData(DriveMetadata.resolveParents(add, state), state)
                      != appData) {
                throw DriveSpaces.notSupported(
                    "Method not supported for files within the Application Data folder.");
              }
              List<String> parents = new ArrayList<>(file.parents());
              for (String parent : remove) {
                parents.remove(parent.equals("root") ? state.driveRootId() : parent);
              }
              if (!add.isEmpty()) {
                List<String> added = DriveMetadata.resolveParents(add, state);
                for (String parent : added) {
                  if (!parents.contains(parent)) {
                    parents.add(parent);
                  }
                }
              }
              String mimeType = Json.string(body, "mimeType").orElse(file.mimeType());
              if (file.isShortcut() != StoredDriveFile.SHORTCUT_MIME_TYPE.equals(mimeType)) {
                // Not documented; the emulator's stricter choice: a shortcut's details can only be
                // set on create, so no file can become a shortcut or stop being one later.
                throw ApiError.of(
                    400,
                    "badRequest",
                    "A file cannot be turned into a shortcut, nor a shortcut into another type.");
              }
              if (parents.size() > 1) {
                throw ApiError.of(
                    403,
                    "cannotAddParent",
                    "Increasing the number of parents is not allowed. A file can only have one"
                        + " parent.");
              }
              String description =
                  body.has("description")
                      ? Json.string(body, "description").orElse(null)
                      : file.description();
              Instant modified =
                  Json.string(body, "modifiedTime")
                      .map(t -> Rfc3339.parse(t, "modifiedTime"))
                      .orElse(now);
              JsonElement trashed = body.get("trashed");
              StoredDriveFile changed =
                  file.withMetadata(
                      Json.string(body, "name").orElse(file.name()),
                      mimeType,
                      parents,
                      DriveMetadata.appProperties(body, file.appProperties()),
                      description,
                      modified,
                      trashed == null || trashed.isJsonNull()
                          ? file.trashed()
                          : trashed.getAsBoolean());
              state.driveFiles().put(id, changed);
              return changed;
            });
    return Reply.json(200, DriveJson.file(updated, mask));
  }

  private static List<String> commaList(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private Reply delete(ApiRequest request) throws IOException {
    String id = request.pathParameter("fileId");
    List<String> blobs =
        store.write(
            state -> {
              if (!state.driveFiles().containsKey(id)) {
                throw ApiError.notFound("File not found: " + id + ".");
              }
              DriveSpaces.checkScope(
                  request, DriveSpaces.inAppData(state.driveFiles().get(id), state));
              List<String> removedBlobs = new ArrayList<>();
              removeTree(state, id, removedBlobs);
              return removedBlobs;
            });
    for (String blob : blobs) {
      store.blobs().delete(blob);
    }
    return Reply.empty(204);
  }

  private static void removeTree(EmulatorState state, String id, List<String> removedBlobs) {
    StoredDriveFile file = state.driveFiles().remove(id);
    if (file == null) {
      return;
    }
    file.blob().ifPresent(removedBlobs::add);
    List<String> children =
        state.driveFiles().values().stream()
            .filter(f -> f.parents().contains(id))
            .map(StoredDriveFile::id)
            .toList();
    for (String child : children) {
      removeTree(state, child, removedBlobs);
    }
  }
}
