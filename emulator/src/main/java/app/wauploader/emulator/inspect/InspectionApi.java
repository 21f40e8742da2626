package app.wauploader.emulator.inspect;

import app.wauploader.emulator.drive.DriveSpaces;
import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.Json;
import app.wauploader.emulator.http.Reply;
import app.wauploader.emulator.http.Rfc3339;
import app.wauploader.emulator.http.Router;
import app.wauploader.emulator.store.EmulatorClock;
import app.wauploader.emulator.store.EmulatorStore;
import app.wauploader.emulator.store.StoredAlbum;
import app.wauploader.emulator.store.StoredDriveFile;
import app.wauploader.emulator.store.StoredMediaItem;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's own routes for tests and humans (not part of any Google API):
 *
 * <ul>
 *   <li>{@code GET /__emulator/items[?space=drive|appDataFolder|all]}: {@code
 *       [{"service":"drive"|"photos","id","name","mimeType",
 *       "size":N,"sha256","parents":[…],"albumIds":[…],"description"?}]} plus {@code
 *       "createdTime","modifiedTime"} (RFC 3339) for Drive files and {@code "creationTime"} (the
 *       media item's {@code mediaMetadata.creationTime}) for Photos items, one per stored content:
 *       Drive files (not folders, not shortcuts) then media items, each in creation order. A media
 *       item's {@code albumIds} are all albums holding it (an item may be in many); {@code
 *       description} is there when one was set. Shortcuts have no content and are listed apart, so
 *       that "each content stored once" still reads off this list. Drive files carry {@code
 *       "space"}: {@code "drive"}, or {@code "appDataFolder"} for a file in the app's hidden
 *       application data folder (with its {@code appProperties}); those are the app's own files,
 *       not backed-up media, so they are listed only with {@code space=appDataFolder} (them alone)
 *       or {@code space=all}.
 *   <li>{@code GET /__emulator/shortcuts}: {@code [{"service":"drive","id","name","mimeType",
 *       "parents":[…],"appProperties":{…},"trashed","shortcutDetails":{"targetId",
 *       "targetMimeType"}}]}, Drive shortcuts in creation order (a target may since have been
 *       trashed or deleted)
 *   <li>{@code GET /__emulator/albums}: {@code [{"id","title","mediaItemIds":[…]}]}
 *   <li>{@code GET /__emulator/folders}: {@code [{"id","name","parents":[…]}]} (not My Drive)
 *   <li>{@code GET /__emulator/stats}, {@code POST /__emulator/reset-stats}
 *   <li>{@code GET /__emulator/content/{id}} and {@code GET /__emulator/items/{id}/content}: the
 *       stored bytes of a Drive file or media item
 *   <li>{@code POST /__emulator/clock/advance {"seconds":N}}: moves the emulator's time forward
 * </ul>
 */
public final class InspectionApi {
  private final EmulatorStore store;
  private final RequestStats stats;
  private final EmulatorClock clock;

  public InspectionApi(EmulatorStore store, RequestStats stats, EmulatorClock clock) {
    this.store = store;
    this.stats = stats;
    this.clock = clock;
  }

  /** Adds this API's routes to {@code router}. */
  public void register(Router router) {
    router.add(
        "GET",
        "/__emulator/items",
        ApiRoute.EMULATOR,
        request -> Reply.json(200, items(request.param("space").orElse("drive"))));
    router.add(
        "GET", "/__emulator/shortcuts", ApiRoute.EMULATOR, request -> Reply.json(200, shortcuts()));
    router.add(
        "GET", "/__emulator/albums", ApiRoute.EMULATOR, request -> Reply.json(200, albums()));
    router.add(
        "GET", "/__emulator/folders", ApiRoute.EMULATOR, request -> Reply.json(200, folders()));
    router.add(
        "GET", "/__emulator/stats", ApiRoute.EMULATOR, request -> Reply.json(200, stats.toJson()));
    router.add(
        "POST",
        "/__emulator/reset-stats",
        ApiRoute.EMULATOR,
        request -> {
          stats.reset();
          return Reply.json(200, stats.toJson());
        });
    router.add("GET", "/__emulator/content/{id}", ApiRoute.EMULATOR, this::content);
    router.add("GET", "/__emulator/items/{id}/content", ApiRoute.EMULATOR, this::content);
    router.add("POST", "/__emulator/clock/advance", ApiRoute.EMULATOR, this::advanceClock);
    router.add("DELETE", "/__emulator/items/{id}", ApiRoute.EMULATOR, this::deleteItem);
  }

  /**
   * Removes a media item or Drive file as its owner would in the Photos or Drive app (the Library
   * API cannot delete; tests use this to make a stored copy disappear). A media item also leaves
   * every album. 404 when there is no such item.
   */
  private Reply deleteItem(ApiRequest request) {
    String id = request.pathParameter("id");
    boolean removed =
        store.write(
            state -> {
              boolean any = state.driveFiles().remove(id) != null;
              if (state.mediaItems().remove(id) != null) {
                any = true;
                List<StoredAlbum> holding = new java.util.ArrayList<>();
                for (StoredAlbum album : state.albums().values()) {
                  if (album.mediaItemIds().contains(id)) {
                    holding.add(album);
                  }
                }
                for (StoredAlbum album : holding) {
                  List<String> rest = new java.util.ArrayList<>(album.mediaItemIds());
                  rest.remove(id);
                  state
                      .albums()
                      .put(
                          album.id(),
                          new StoredAlbum(
                              album.id(),
                              album.title(),
                              rest,
                              album.createdAt(),
                              album.clientId()));
                }
              }
              return any;
            });
    if (!removed) {
      throw ApiError.notFound("No Drive file or media item with id " + id + ".");
    }
    return Reply.empty(204);
  }

  private JsonArray items(String space) {
    if (!List.of("drive", DriveSpaces.APP_DATA, "all").contains(space)) {
      throw ApiError.badRequest("space is drive, appDataFolder or all, not '" + space + "'");
    }
    return store.read(
        state -> {
          JsonArray out = new JsonArray();
          for (StoredDriveFile file : state.driveFiles().values()) {
            if (!file.hasContent()) {
              continue;
            }
            String fileSpace = DriveSpaces.inAppData(file, state) ? DriveSpaces.APP_DATA : "drive";
            if (!space.equals("all") && !space.equals(fileSpace)) {
              continue;
            }
            JsonObject json =
                item(
                    "drive",
                    file.id(),
                    file.name(),
                    file.mimeType(),
                    file.size(),
                    file.sha256Checksum(),
                    file.parents(),
                    List.of());
            json.addProperty("createdTime", Rfc3339.format(file.createdTime()));
            json.addProperty("modifiedTime", Rfc3339.format(file.modifiedTime()));
            json.addProperty("space", fileSpace);
            if (fileSpace.equals(DriveSpaces.APP_DATA)) {
              JsonObject properties = new JsonObject();
              file.appProperties().forEach(properties::addProperty);
              json.add("appProperties", properties);
            }
            out.add(json);
          }
          if (space.equals(DriveSpaces.APP_DATA)) {
            return out;
          }
          for (StoredMediaItem media : state.mediaItems().values()) {
            List<String> albumIds = new ArrayList<>();
            for (StoredAlbum album : state.albums().values()) {
              if (album.mediaItemIds().contains(media.id())) {
                albumIds.add(album.id());
              }
            }
            JsonObject item =
                item(
                    "photos",
                    media.id(),
                    media.filename(),
                    media.mimeType(),
                    media.size(),
                    media.sha256(),
                    List.of(),
                    albumIds);
            if (media.description() != null) {
              item.addProperty("description", media.description());
            }
            item.addProperty("creationTime", Rfc3339.format(media.creationTime()));
            out.add(item);
          }
          return out;
        });
  }

  private JsonArray shortcuts() {
    return store.read(
        state -> {
          JsonArray out = new JsonArray();
          for (StoredDriveFile file : state.driveFiles().values()) {
            if (!file.isShortcut()) {
              continue;
            }
            JsonObject json = new JsonObject();
            json.addProperty("service", "drive");
            json.addProperty("id", file.id());
            json.addProperty("name", file.name());
            json.addProperty("mimeType", file.mimeType());
            json.add("parents", Json.arrayOf(file.parents()));
            JsonObject properties = new JsonObject();
            file.appProperties().forEach(properties::addProperty);
            json.add("appProperties", properties);
            json.addProperty("trashed", file.trashed());
            JsonObject details = new JsonObject();
            if (file.shortcutDetails() != null) {
              details.addProperty("targetId", file.shortcutDetails().targetId());
              details.addProperty("targetMimeType", file.shortcutDetails().targetMimeType());
            }
            json.add("shortcutDetails", details);
            out.add(json);
          }
          return out;
        });
  }

  private static JsonObject item(
      String service,
      String id,
      String name,
      String mimeType,
      long size,
      String sha256,
      List<String> parents,
      List<String> albumIds) {
    JsonObject json = new JsonObject();
    json.addProperty("service", service);
    json.addProperty("id", id);
    json.addProperty("name", name);
    json.addProperty("mimeType", mimeType);
    json.addProperty("size", size);
    json.addProperty("sha256", sha256);
    json.add("parents", Json.arrayOf(parents));
    json.add("albumIds", Json.arrayOf(albumIds));
    return json;
  }

  private JsonArray albums() {
    return store.read(
        state -> {
          JsonArray out = new JsonArray();
          for (StoredAlbum album : state.albums().values()) {
            JsonObject json = new JsonObject();
            json.addProperty("id", album.id());
            json.addProperty("title", album.title());
            json.add("mediaItemIds", Json.arrayOf(album.mediaItemIds()));
            out.add(json);
          }
          return out;
        });
  }

  private JsonArray folders() {
    return store.read(
        state -> {
          JsonArray out = new JsonArray();
          for (StoredDriveFile file : state.driveFiles().values()) {
            if (file.isFolder()) {
              JsonObject json = new JsonObject();
              json.addProperty("id", file.id());
              json.addProperty("name", file.name());
              json.add("parents", Json.arrayOf(file.parents()));
              out.add(json);
            }
          }
          return out;
        });
  }

  private record Content(String mimeType, String blobId, long size) {}

  private Reply content(ApiRequest request) {
    String id = request.pathParameter("id");
    Content content =
        store.read(
            state -> {
              StoredDriveFile file = state.driveFiles().get(id);
              if (file != null && file.hasContent()) {
                return new Content(file.mimeType(), file.blobId(), file.size());
              }
              StoredMediaItem media = state.mediaItems().get(id);
              if (media != null) {
                return new Content(media.mimeType(), media.blobId(), media.size());
              }
              return null;
            });
    if (content == null) {
      throw ApiError.notFound("No Drive file or media item with id " + id + ".");
    }
    if (content.blobId() == null) {
      return Reply.text(200, content.mimeType(), "");
    }
    Path file = store.blobs().path(content.blobId());
    return Reply.file(content.mimeType(), file, content.size());
  }

  private Reply advanceClock(ApiRequest request) throws IOException {
    JsonObject body = request.jsonBody();
    JsonElement seconds = body.get("seconds");
    if (seconds == null || !seconds.isJsonPrimitive() || seconds.getAsLong() < 0) {
      throw ApiError.badRequest("Body must be {\"seconds\": N} with N >= 0.");
    }
    clock.advance(Duration.ofSeconds(seconds.getAsLong()));
    JsonObject answer = new JsonObject();
    answer.addProperty("offsetSeconds", clock.offset().toSeconds());
    return Reply.json(200, answer);
  }
}
