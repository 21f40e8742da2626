package app.wauploader.emulator.photos;

import app.wauploader.emulator.faults.InjectedItemFailures;
import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.Json;
import app.wauploader.emulator.http.PageToken;
import app.wauploader.emulator.http.Reply;
import app.wauploader.emulator.http.Router;
import app.wauploader.emulator.store.EmulatorState;
import app.wauploader.emulator.store.EmulatorStore;
import app.wauploader.emulator.store.RandomIds;
import app.wauploader.emulator.store.StoredAlbum;
import app.wauploader.emulator.store.StoredMediaItem;
import app.wauploader.emulator.store.UploadToken;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Photos Library media item routes
 * (https://developers.google.com/photos/library/reference/rest/v1/mediaItems):
 *
 * <ul>
 *   <li>{@code POST /v1/mediaItems:batchCreate}: at most 50 items; each item is judged on its own
 *       (https://developers.google.com/photos/library/guides/upload-media#creating-media-item): a
 *       missing, unknown, expired (older than one day) or already used token, or a file that is not
 *       a photo or video, gives that item {@code status.code} 3 and no media item. An unknown
 *       {@code albumId} fails the whole call with 400. Each item's {@code description} is stored
 *       and returned; it "shouldn't be more than 1000 characters" (NewMediaItem,
 *       https://developers.google.com/photos/library/reference/rest/v1/mediaItems/batchCreate#NewMediaItem;
 *       "no more than 1,000 characters" in
 *       https://developers.google.com/photos/library/guides/manage-media). Characters are counted
 *       as Unicode code points (an emoji is one). How Google rejects a longer one is not
 *       documented: the emulator takes the stricter way and fails the whole call with 400 {@code
 *       INVALID_ARGUMENT}, creating nothing.
 *   <li>{@code GET /v1/mediaItems/{id}}, {@code GET /v1/mediaItems}, {@code POST
 *       /v1/mediaItems:search} (by {@code albumId}).
 * </ul>
 */
public final class MediaItemsApi {
  /** Most items per batchCreate call. */
  public static final int MAX_BATCH_ITEMS = 50;

  private static final int INVALID_ARGUMENT = 3;

  /** Longest media item description, in characters (Unicode code points). */
  public static final int MAX_DESCRIPTION_CHARS = 1000;

  private final EmulatorStore store;
  private final Clock clock;

  public MediaItemsApi(EmulatorStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Adds this API's routes to {@code router}. */
  public void register(Router router) {
    router.add(
        "POST", "/v1/mediaItems:batchCreate", ApiRoute.PHOTOS_BATCH_CREATE, this::batchCreate);
    router.add("GET", "/v1/mediaItems/{mediaItemId}", ApiRoute.PHOTOS_MEDIA_ITEMS, this::get);
    router.add("GET", "/v1/mediaItems", ApiRoute.PHOTOS_MEDIA_ITEMS, this::list);
    router.add("POST", "/v1/mediaItems:search", ApiRoute.PHOTOS_MEDIA_ITEMS, this::search);
  }

  private Reply batchCreate(ApiRequest request) throws IOException {
    JsonObject body = request.jsonBody();
    JsonArray items = Json.array(body, "newMediaItems");
    if (items.isEmpty()) {
      throw ApiError.badRequest("Request must contain at least one newMediaItems entry.");
    }
    if (items.size() > MAX_BATCH_ITEMS) {
      throw ApiError.badRequest(
          "Request must contain at most "
              + MAX_BATCH_ITEMS
              + " newMediaItems, got "
              + items.size()
              + ".");
    }
    for (int i = 0; i < items.size(); i++) {
      JsonElement item = items.get(i);
      if (!item.isJsonObject()) {
        throw ApiError.badRequest("Each newMediaItems entry must be an object.");
      }
      checkDescription(item.getAsJsonObject(), i);
    }
    Optional<String> albumId = Json.string(body, "albumId");
    InjectedItemFailures failures =
        request
            .attribute(InjectedItemFailures.class)
            .orElse(new InjectedItemFailures(Set.of(), 13, ""));
    Instant now = clock.instant();
    URI base = request.baseUri();
    JsonArray results =
        store.write(
            state -> {
              if (albumId.isPresent() && !state.albums().containsKey(albumId.get())) {
                throw ApiError.badRequest(
                    "Invalid album ID: "
                        + albumId.get()
                        + " (the album does not exist or was not created by this app).");
              }
              JsonArray out = new JsonArray();
              List<String> created = new ArrayList<>();
              for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.get(i).getAsJsonObject();
                if (failures.indexes().contains(i)) {
                  out.add(failed(tokenOf(item), failures.code(), failures.message()));
                  continue;
                }
                out.add(createOne(state, item, now, base, created, albumId));
              }
              albumId.ifPresent(
                  id -> state.albums().put(id, state.albums().get(id).withItems(created)));
              return out;
            });
    JsonObject answer = new JsonObject();
    answer.add("newMediaItemResults", results);
    return Reply.json(200, answer);
  }

  /**
   * Fails the whole call for a {@code description} that is not a string or is longer than {@value
   * #MAX_DESCRIPTION_CHARS} characters (see the class comment for the sources).
   */
  private static void checkDescription(JsonObject item, int index) {
    JsonElement description = item.get("description");
    if (description == null || description.isJsonNull()) {
      return;
    }
    if (!description.isJsonPrimitive() || !description.getAsJsonPrimitive().isString()) {
      throw ApiError.badRequest(
          "Invalid value at 'new_media_items[" + index + "].description': expected a string.");
    }
    String text = description.getAsString();
    int characters = text.codePointCount(0, text.length());
    if (characters > MAX_DESCRIPTION_CHARS) {
      throw ApiError.badRequest(
          "Invalid value at 'new_media_items["
              + index
              + "].description': a description can be at most "
              + MAX_DESCRIPTION_CHARS
              + " characters, got "
              + characters
              + ".");
    }
  }

  private static String tokenOf(JsonObject item) {
    JsonElement simple = item.get("simpleMediaItem");
    if (simple == null || !simple.isJsonObject()) {
      return null;
    }
    JsonElement token = simple.getAsJsonObject().get("uploadToken");
    return token == null || token.isJsonNull() ? null : token.getAsString();
  }

  private static JsonObject failed(String token, int code, String message) {
    JsonObject status = new JsonObject();
    status.addProperty("code", code);
    status.addProperty("message", message);
    JsonObject result = new JsonObject();
    if (token != null) {
      result.addProperty("uploadToken", token);
    }
    result.add("status", status);
    return result;
  }

  private static JsonObject createOne(
      EmulatorState state,
      JsonObject item,
      Instant now,
      URI base,
      List<String> created,
      Optional<String> albumId) {
    String tokenValue = tokenOf(item);
    if (tokenValue == null || tokenValue.isBlank()) {
      return failed(null, INVALID_ARGUMENT, "Missing simpleMediaItem.uploadToken.");
    }
    UploadToken token = state.uploadTokens().get(tokenValue);
    if (token == null) {
      return failed(
          tokenValue, INVALID_ARGUMENT, "Invalid upload token: it is unknown to this server.");
    }
    if (token.isExpired(now)) {
      return failed(
          tokenValue,
          INVALID_ARGUMENT,
          "Invalid upload token: it expired (upload tokens are valid for one day).");
    }
    if (token.usedBy().isPresent()) {
      return failed(
          tokenValue,
          INVALID_ARGUMENT,
          "Invalid upload token: it was already used to create media item "
              + token.mediaItemId()
              + ".");
    }
    JsonObject simple = item.getAsJsonObject("simpleMediaItem");
    String fileName = Json.string(simple, "fileName").orElse(token.fileName());
    if (fileName == null || fileName.isBlank()) {
      fileName = "upload";
    }
    String description = Json.string(item, "description").orElse(null);
    Optional<String> mimeType = MediaTypes.resolve(token.mimeType(), fileName);
    if (mimeType.isEmpty()
        || !(MediaTypes.isPhoto(mimeType.get()) || MediaTypes.isVideo(mimeType.get()))) {
      return failed(
          tokenValue,
          INVALID_ARGUMENT,
          "Failed: unsupported file type "
              + mimeType.orElse("(unknown)")
              + " for "
              + fileName
              + "; Google Photos only accepts photos and videos.");
    }
    long limit =
        MediaTypes.isPhoto(mimeType.get())
            ? MediaTypes.MAX_PHOTO_BYTES
            : MediaTypes.MAX_VIDEO_BYTES;
    if (token.size() > limit) {
      return failed(
          tokenValue, INVALID_ARGUMENT, "Failed: the file is larger than " + limit + " bytes.");
    }
    if (albumId.isPresent()
        && state.albums().get(albumId.get()).mediaItemIds().size() + created.size()
            >= StoredAlbum.MAX_ITEMS) {
      return failed(
          tokenValue,
          INVALID_ARGUMENT,
          "The album already holds " + StoredAlbum.MAX_ITEMS + " media items.");
    }
    StoredMediaItem media =
        new StoredMediaItem(
            RandomIds.next("AE", 70),
            description,
            mimeType.get(),
            fileName,
            token.size(),
            token.sha256(),
            token.blobId(),
            now,
            token.width(),
            token.height());
    state.mediaItems().put(media.id(), media);
    state.uploadTokens().put(tokenValue, token.usedFor(media.id()));
    created.add(media.id());
    JsonObject status = new JsonObject();
    status.addProperty("message", "Success");
    JsonObject result = new JsonObject();
    result.addProperty("uploadToken", tokenValue);
    result.add("status", status);
    result.add("mediaItem", PhotosJson.mediaItem(media, base));
    return result;
  }

  private Reply get(ApiRequest request) {
    String id = request.pathParameter("mediaItemId");
    StoredMediaItem item = store.read(state -> state.mediaItems().get(id));
    if (item == null) {
      throw ApiError.notFound("Media item not found: " + id + ".");
    }
    return Reply.json(200, PhotosJson.mediaItem(item, request.baseUri()));
  }

  private Reply list(ApiRequest request) {
    int pageSize = request.param("pageSize").map(t -> PageToken.pageSize(t, 100)).orElse(25);
    int offset = request.param("pageToken").map(PageToken::decode).orElse(0);
    List<StoredMediaItem> all = store.read(state -> List.copyOf(state.mediaItems().values()));
    return page(all, offset, pageSize, request.baseUri());
  }

  private Reply search(ApiRequest request) throws IOException {
    JsonObject body = request.jsonBody();
    int pageSize =
        body.has("pageSize") ? PageToken.pageSize(body.get("pageSize").getAsString(), 100) : 25;
    int offset = Json.string(body, "pageToken").map(PageToken::decode).orElse(0);
    Optional<String> albumId = Json.string(body, "albumId");
    List<StoredMediaItem> all =
        store.read(
            state -> {
              if (albumId.isEmpty()) {
                return List.copyOf(state.mediaItems().values());
              }
              StoredAlbum album = state.albums().get(albumId.get());
              if (album == null) {
                throw ApiError.badRequest("Invalid album ID: " + albumId.get() + ".");
              }
              return album.mediaItemIds().stream()
                  .map(state.mediaItems()::get)
                  .filter(m -> m != null)
                  .toList();
            });
    return page(all, offset, pageSize, request.baseUri());
  }

  private static Reply page(List<StoredMediaItem> all, int offset, int pageSize, URI base) {
    JsonArray items = new JsonArray();
    int end = Math.min(all.size(), offset + pageSize);
    for (int i = Math.min(offset, all.size()); i < end; i++) {
      items.add(PhotosJson.mediaItem(all.get(i), base));
    }
    JsonObject body = new JsonObject();
    body.add("mediaItems", items);
    if (end < all.size()) {
      body.addProperty("nextPageToken", PageToken.encode(end));
    }
    return Reply.json(200, body);
  }
}
