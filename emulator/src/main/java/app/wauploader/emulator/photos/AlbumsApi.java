package app.wauploader.emulator.photos;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.Json;
import app.wauploader.emulator.http.PageToken;
import app.wauploader.emulator.http.Reply;
import app.wauploader.emulator.http.Router;
import app.wauploader.emulator.store.EmulatorStore;
import app.wauploader.emulator.store.RandomIds;
import app.wauploader.emulator.store.StoredAlbum;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Photos Library album routes
 * (https://developers.google.com/photos/library/reference/rest/v1/albums and
 * https://developers.google.com/photos/library/guides/manage-albums):
 *
 * <ul>
 *   <li>{@code POST /v1/albums} {@code {"album":{"title"}}} (title 1..500 characters)
 *   <li>{@code GET /v1/albums} ({@code pageSize} ≤ 50, {@code pageToken}); only app-created albums
 *       exist here
 *   <li>{@code GET /v1/albums/{albumId}}
 *   <li>{@code POST /v1/albums/{albumId}:batchAddMediaItems} {@code {"mediaItemIds":[…]}} (1..50
 *       ids of existing items; an album holds at most 20,000)
 * </ul>
 */
public final class AlbumsApi {
  private static final int MAX_TITLE_CHARS = 500;
  private static final int MAX_IDS_PER_CALL = 50;

  private final EmulatorStore store;
  private final Clock clock;

  public AlbumsApi(EmulatorStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Adds this API's routes to {@code router}. */
  public void register(Router router) {
    router.add("POST", "/v1/albums", ApiRoute.PHOTOS_ALBUMS, this::create);
    router.add("GET", "/v1/albums", ApiRoute.PHOTOS_ALBUMS, this::list);
    router.add("GET", "/v1/albums/{albumId}", ApiRoute.PHOTOS_ALBUMS, this::get);
    router.add(
        "POST", "/v1/albums/{albumId}:batchAddMediaItems", ApiRoute.PHOTOS_ALBUMS, this::batchAdd);
  }

  private Reply create(ApiRequest request) throws IOException {
    JsonObject album =
        Json.object(request.jsonBody(), "album")
            .orElseThrow(() -> ApiError.badRequest("Missing 'album'."));
    String title = Json.string(album, "title").orElse("");
    if (title.isBlank()) {
      throw ApiError.badRequest("The album title must not be empty.");
    }
    if (title.length() > MAX_TITLE_CHARS) {
      throw ApiError.badRequest(
          "The album title is longer than " + MAX_TITLE_CHARS + " characters.");
    }
    StoredAlbum created =
        new StoredAlbum(RandomIds.next("AF", 70), title, List.of(), clock.instant());
    store.write(state -> state.albums().put(created.id(), created));
    return Reply.json(200, PhotosJson.album(created));
  }

  private Reply list(ApiRequest request) {
    int pageSize =
        request.param("pageSize").map(t -> PageToken.pageSize(t, MAX_IDS_PER_CALL)).orElse(20);
    int offset = request.param("pageToken").map(PageToken::decode).orElse(0);
    List<StoredAlbum> all = store.read(state -> List.copyOf(state.albums().values()));
    JsonArray albums = new JsonArray();
    int end = Math.min(all.size(), offset + pageSize);
    for (int i = Math.min(offset, all.size()); i < end; i++) {
      albums.add(PhotosJson.album(all.get(i)));
    }
    JsonObject body = new JsonObject();
    body.add("albums", albums);
    if (end < all.size()) {
      body.addProperty("nextPageToken", PageToken.encode(end));
    }
    return Reply.json(200, body);
  }

  private Reply get(ApiRequest request) {
    String id = request.pathParameter("albumId");
    StoredAlbum album = store.read(state -> state.albums().get(id));
    if (album == null) {
      throw ApiError.notFound("Album not found: " + id + ".");
    }
    return Reply.json(200, PhotosJson.album(album));
  }

  private Reply batchAdd(ApiRequest request) throws IOException {
    String id = request.pathParameter("albumId");
    List<String> ids = Json.strings(request.jsonBody(), "mediaItemIds");
    if (ids.isEmpty()) {
      throw ApiError.badRequest("mediaItemIds must not be empty.");
    }
    if (ids.size() > MAX_IDS_PER_CALL) {
      throw ApiError.badRequest(
          "Request must contain at most "
              + MAX_IDS_PER_CALL
              + " mediaItemIds, got "
              + ids.size()
              + ".");
    }
    store.write(
        state -> {
          StoredAlbum album = state.albums().get(id);
          if (album == null) {
            throw ApiError.notFound("Album not found: " + id + ".");
          }
          for (String itemId : ids) {
            if (!state.mediaItems().containsKey(itemId)) {
              throw ApiError.badRequest(
                  "Request contains an invalid media item id: " + itemId + ".");
            }
          }
          LinkedHashSet<String> after = new LinkedHashSet<>(album.mediaItemIds());
          after.addAll(ids);
          if (after.size() > StoredAlbum.MAX_ITEMS) {
            throw ApiError.badRequest(
                "An album can hold at most " + StoredAlbum.MAX_ITEMS + " media items.");
          }
          state.albums().put(id, album.withItems(ids));
          return null;
        });
    return Reply.json(200, new JsonObject());
  }
}
