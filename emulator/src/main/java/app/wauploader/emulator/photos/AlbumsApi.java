package app.wauploader.emulator.photos;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.GoogleErrors;
import app.wauploader.emulator.http.Json;
import app.wauploader.emulator.http.PageToken;
import app.wauploader.emulator.http.Reply;
import app.wauploader.emulator.http.Router;
import app.wauploader.emulator.oauth.Caller;
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
 *   <li>{@code POST /v1/albums/{albumId}:batchAddMediaItems} {@code {"mediaItemIds":[…]}}: see
 *       {@link #batchAdd}
 * </ul>
 */
public final class AlbumsApi {
  private static final int MAX_TITLE_CHARS = 500;
  private static final int MAX_IDS_PER_CALL = 50;

  private final EmulatorStore store;
  private final Clock clock;
  private final int albumCapacity;

  /**
   * @param albumCapacity most media items per album (Google: 20,000)
   */
  public AlbumsApi(EmulatorStore store, Clock clock, int albumCapacity) {
    this.store = store;
    this.clock = clock;
    this.albumCapacity = albumCapacity;
  }

  /** The caller's OAuth client under {@code requireAuth}; null without it. */
  static String callerClient(ApiRequest request) {
    return request.attribute(Caller.class).map(Caller::clientId).orElse(null);
  }

  /** Adds this API's routes to {@code router}. */
  public void register(Router router) {
    router.add("POST", "/v1/albums", ApiRoute.PHOTOS_ALBUMS, this::create);
    router.add("GET", "/v1/albums", ApiRoute.PHOTOS_ALBUMS, this::list);
    router.add("GET", "/v1/albums/{albumId}", ApiRoute.PHOTOS_ALBUMS, this::get);
    router.add(
        "POST", "/v1/albums/{albumId}:batchAddMediaItems", ApiRoute.PHOTOS_ALBUMS, this::batchAdd);
    router.add("POST", "/__emulator/albums/{albumId}/owner", ApiRoute.EMULATOR, this::setOwner);
  }

  /**
   * {@code POST /__emulator/albums/{albumId}/owner {"clientId":"…"}}: records the album as created
   * by that OAuth client, to model an album made by an earlier client (after the user made a new
   * one): other callers then get 403 on albums.get, do not see it in albums.list and cannot add to
   * it. {@code "clientId": null} makes it everyone's again.
   */
  private Reply setOwner(ApiRequest request) throws IOException {
    String id = request.pathParameter("albumId");
    JsonObject body = request.jsonBody();
    String owner = Json.string(body, "clientId").orElse(null);
    StoredAlbum changed =
        store.write(
            state -> {
              StoredAlbum album = state.albums().get(id);
              if (album == null) {
                throw ApiError.notFound("Album not found: " + id + ".");
              }
              StoredAlbum owned = album.ownedBy(owner);
              state.albums().put(id, owned);
              return owned;
            });
    JsonObject answer = PhotosJson.album(changed);
    if (owner != null) {
      answer.addProperty("clientId", owner);
    }
    return Reply.json(200, answer);
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
        new StoredAlbum(
            RandomIds.next("AF", 70), title, List.of(), clock.instant(), callerClient(request));
    store.write(state -> state.albums().put(created.id(), created));
    return Reply.json(200, PhotosJson.album(created));
  }

  private Reply list(ApiRequest request) {
    int pageSize =
        request.param("pageSize").map(t -> PageToken.pageSize(t, MAX_IDS_PER_CALL)).orElse(20);
    int offset = request.param("pageToken").map(PageToken::decode).orElse(0);
    String caller = callerClient(request);
    List<StoredAlbum> all =
        store.read(
            state -> state.albums().values().stream().filter(a -> a.isCreatedBy(caller)).toList());
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
    if (!album.isCreatedBy(callerClient(request))) {
      throw notCreatedByThisClient();
    }
    return Reply.json(200, PhotosJson.album(album));
  }

  /**
   * albums.get of an album another OAuth client created: 403 {@code PERMISSION_DENIED}. Since
   * 2025-03-31 apps only see albums they created
   * (https://developers.google.com/photos/support/updates); the message is the canonical one for
   * PERMISSION_DENIED (https://cloud.google.com/apis/design/errors#handling_errors).
   */
  static ApiError notCreatedByThisClient() {
    return ApiError.of(403, "forbidden", "The caller does not have permission");
  }

  /**
   * {@code albums.batchAddMediaItems}
   * (https://developers.google.com/photos/library/reference/rest/v1/albums/batchAddMediaItems):
   * adds app-created items to an app-created album, at its end, in the order given; answers 200
   * with an empty body. 1..50 ids ("The maximum number of media items that can be added in one call
   * is 50"); an album holds at most 20,000 (the emulator's {@code albumCapacity}), past that the
   * whole call fails ({@link GoogleErrors#albumFull}). "Partial success is not supported. The
   * entire request will fail if an invalid media item or album is specified": nothing is added
   * then.
   *
   * <ul>
   *   <li>an unknown id (the emulator only has app-created items, so also any item not made by this
   *       app) is 400 {@code INVALID_ARGUMENT} "Request contains an invalid media item id.", the
   *       message Google sends (https://github.com/f2calv/CasCap.Api.GooglePhotos/issues/118,
   *       https://github.com/ylexus/jiotty-photos-uploader/issues/49);
   *   <li>an unknown album (every album here is app-created, so also one the app did not create) is
   *       400 {@code INVALID_ARGUMENT} "No permission to add media items to this album.", what
   *       Google answers for albums not created by the app
   *       (https://github.com/gphotosuploader/gphotos-uploader-cli/issues/49,
   *       https://github.com/google/java-photoslibrary/issues/18);
   *   <li>an item already in the album stays once, in its place, and the call succeeds; an item may
   *       be in any number of albums.
   * </ul>
   */
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
    String caller = callerClient(request);
    store.write(
        state -> {
          StoredAlbum album = state.albums().get(id);
          if (album == null || !album.isCreatedBy(caller)) {
            throw ApiError.badRequest("No permission to add media items to this album.");
          }
          for (String itemId : ids) {
            if (!state.mediaItems().containsKey(itemId)) {
              throw ApiError.badRequest("Request contains an invalid media item id.");
            }
          }
          LinkedHashSet<String> after = new LinkedHashSet<>(album.mediaItemIds());
          after.addAll(ids);
          if (after.size() > albumCapacity) {
            throw GoogleErrors.albumFull(albumCapacity);
          }
          state.albums().put(id, album.withItems(ids));
          return null;
        });
    return Reply.json(200, new JsonObject());
  }
}
