package app.wauploader.emulator.photos;

import app.wauploader.emulator.faults.InjectedItemFailures;
import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.GoogleErrors;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Photos Library media item routes
 * (https://developers.google.com/photos/library/reference/rest/v1/mediaItems):
 *
 * <ul>
 *   <li>{@code POST /v1/mediaItems:batchCreate}: at most 50 items
 *       (https://developers.google.com/photos/library/guides/upload-media#creating-media-item).
 *       Whole-call 400s, nothing created: a missing, unknown, expired (older than one day of
 *       emulator time) or already used token ({@link GoogleErrors#invalidUploadToken}), an unknown
 *       or foreign {@code albumId}, an album that would pass {@code albumCapacity} ({@link
 *       GoogleErrors#albumFull}), storage past {@code photosStorageBytes} ({@link
 *       GoogleErrors#storageFull}). Per item ({@code status.code} 3, the others still created): a
 *       file that is not a photo or video, or whose bytes are not a format Photos reads (see {@link
 *       #createOne}). {@code mediaMetadata.creationTime} comes from the bytes' EXIF or container
 *       date, else the upload time ({@link MediaContent#creationTime}). Each item's {@code
 *       description} is stored and returned; it "shouldn't be more than 1000 characters"
 *       (NewMediaItem,
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
  private final int albumCapacity;
  private final long photosStorageBytes;
  private final boolean checkMediaContent;

  /**
   * @param albumCapacity most media items per album
   * @param photosStorageBytes free Photos storage in bytes; 0 = unlimited
   * @param checkMediaContent whether items whose bytes are not a Photos format are rejected
   */
  public MediaItemsApi(
      EmulatorStore store,
      Clock clock,
      int albumCapacity,
      long photosStorageBytes,
      boolean checkMediaContent) {
    this.store = store;
    this.clock = clock;
    this.albumCapacity = albumCapacity;
    this.photosStorageBytes = photosStorageBytes;
    this.checkMediaContent = checkMediaContent;
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
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonElement item = items.get(i);
      if (!item.isJsonObject()) {
        throw ApiError.badRequest("Each newMediaItems entry must be an object.");
      }
      checkDescription(item.getAsJsonObject(), i);
      tokens.add(tokenOf(item.getAsJsonObject()));
    }
    Optional<String> albumId = Json.string(body, "albumId");
    InjectedItemFailures failures =
        request
            .attribute(InjectedItemFailures.class)
            .orElse(new InjectedItemFailures(Set.of(), 13, ""));
    Instant now = clock.instant();
    URI base = request.baseUri();
    String caller = AlbumsApi.callerClient(request);
    // Judge the bytes outside the store lock: tokens are checked again inside it.
    List<UploadToken> records =
        store.read(
            state -> {
              List<UploadToken> found = new ArrayList<>();
              checkTokens(state, tokens, now, found);
              return found;
            });
    List<Content> contents = new ArrayList<>();
    for (UploadToken record : records) {
      contents.add(judge(record));
    }
    JsonArray results =
        store.write(
            state -> {
              checkTokens(state, tokens, now, new ArrayList<>());
              StoredAlbum album = null;
              if (albumId.isPresent()) {
                album = state.albums().get(albumId.get());
                if (album == null || !album.isCreatedBy(caller)) {
                  throw ApiError.badRequest(
                      "Invalid album ID: "
                          + albumId.get()
                          + " (the album does not exist or was not created by this app).");
                }
              }
              // Decide every item first: the whole-call checks below must not leave half a batch.
              List<JsonObject> out = new ArrayList<>();
              List<StoredMediaItem> created = new ArrayList<>();
              for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.get(i).getAsJsonObject();
                if (failures.indexes().contains(i)) {
                  out.add(failed(tokens.get(i), failures.code(), failures.message()));
                  created.add(null);
                  continue;
                }
                Outcome outcome = createOne(item, records.get(i), contents.get(i), now);
                out.add(outcome.result());
                created.add(outcome.media());
              }
              List<StoredMediaItem> made = created.stream().filter(m -> m != null).toList();
              if (album != null) {
                LinkedHashSet<String> after = new LinkedHashSet<>(album.mediaItemIds());
                made.forEach(m -> after.add(m.id()));
                if (after.size() > albumCapacity) {
                  throw GoogleErrors.albumFull(albumCapacity);
                }
              }
              if (photosStorageBytes > 0) {
                long used = 0;
                for (StoredMediaItem existing : state.mediaItems().values()) {
                  used += existing.size();
                }
                for (StoredMediaItem m : made) {
                  used += m.size();
                }
                if (used > photosStorageBytes) {
                  throw GoogleErrors.storageFull();
                }
              }
              JsonArray answer = new JsonArray();
              for (int i = 0; i < out.size(); i++) {
                StoredMediaItem media = created.get(i);
                if (media != null) {
                  state.mediaItems().put(media.id(), media);
                  state.uploadTokens().put(tokens.get(i), records.get(i).usedFor(media.id()));
                  out.get(i).add("mediaItem", PhotosJson.mediaItem(media, base));
                }
                answer.add(out.get(i));
              }
              if (album != null) {
                state
                    .albums()
                    .put(album.id(), album.withItems(made.stream().map(m -> m.id()).toList()));
              }
              return answer;
            });
    JsonObject answer = new JsonObject();
    answer.add("newMediaItemResults", results);
    return Reply.json(200, answer);
  }

  /**
   * Fails the whole call, creating nothing, when any item's token is missing, unknown, expired
   * (older than one day), already used, or used twice in this call: Google answers 400 "Request
   * must contain a valid upload token." for the whole call ({@link
   * GoogleErrors#invalidUploadToken}), not a per-item status. Adds the tokens' records to {@code
   * found}, in item order.
   */
  private static void checkTokens(
      EmulatorState state, List<String> tokens, Instant now, List<UploadToken> found) {
    Set<String> seen = new HashSet<>();
    for (String value : tokens) {
      if (value == null || value.isBlank() || !seen.add(value)) {
        throw GoogleErrors.invalidUploadToken();
      }
      UploadToken token = state.uploadTokens().get(value);
      if (token == null || token.isExpired(now) || token.usedBy().isPresent()) {
        throw GoogleErrors.invalidUploadToken();
      }
      found.add(token);
    }
  }

  /** What the uploaded bytes are: their sniffed type (empty: unknown) and capture time. */
  private record Content(Optional<String> sniffedType, Optional<Instant> creationTime) {}

  private Content judge(UploadToken token) throws IOException {
    if (token.blobId() == null || !java.nio.file.Files.exists(store.blobs().path(token.blobId()))) {
      return new Content(Optional.empty(), Optional.empty());
    }
    java.nio.file.Path file = store.blobs().path(token.blobId());
    return new Content(MediaContent.sniff(file), MediaContent.creationTime(file));
  }

  /** One item's result, and the media item to store when it succeeded (else null). */
  private record Outcome(JsonObject result, StoredMediaItem media) {}

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

  /**
   * Judges one item whose token is valid. Per item (status code 3, {@code INVALID_ARGUMENT}, no
   * media item, the rest of the batch unaffected), as Google does: a type Photos does not take (not
   * a photo or video) "Failed: There was an error while trying to create this media item."
   * (https://github.com/rfgamaral/docker-gphotos-uploader/issues/22, .xmp files), bytes that are
   * not a photo or video format Photos reads, or not the kind declared, "BAD_IMAGE: There was an
   * error while trying to create this media item."
   * (https://github.com/Bostwickenator/STGUploader/issues/22, an unsupported raw format;
   * https://support.google.com/googlephotos/answer/6193313 lists the formats), and files over the
   * size limits. The capture time comes from the bytes ({@link MediaContent#creationTime}), else it
   * is the upload time.
   */
  private Outcome createOne(JsonObject item, UploadToken token, Content content, Instant now) {
    String tokenValue = token.token();
    JsonObject simple = item.getAsJsonObject("simpleMediaItem");
    String fileName = Json.string(simple, "fileName").orElse(token.fileName());
    if (fileName == null || fileName.isBlank()) {
      fileName = "upload";
    }
    String description = Json.string(item, "description").orElse(null);
    Optional<String> mimeType = MediaTypes.resolve(token.mimeType(), fileName);
    if (mimeType.isEmpty()
        || !(MediaTypes.isPhoto(mimeType.get()) || MediaTypes.isVideo(mimeType.get()))) {
      return new Outcome(failed(tokenValue, INVALID_ARGUMENT, GoogleErrors.CREATE_FAILED), null);
    }
    boolean photo = MediaTypes.isPhoto(mimeType.get());
    if (checkMediaContent
        && (content.sniffedType().isEmpty()
            || photo != MediaTypes.isPhoto(content.sniffedType().get()))) {
      return new Outcome(failed(tokenValue, INVALID_ARGUMENT, GoogleErrors.BAD_IMAGE), null);
    }
    long limit = photo ? MediaTypes.MAX_PHOTO_BYTES : MediaTypes.MAX_VIDEO_BYTES;
    if (token.size() > limit) {
      return new Outcome(
          failed(
              tokenValue, INVALID_ARGUMENT, "Failed: the file is larger than " + limit + " bytes."),
          null);
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
            content.creationTime().orElse(now),
            token.width(),
            token.height());
    JsonObject status = new JsonObject();
    status.addProperty("message", "Success");
    JsonObject result = new JsonObject();
    result.addProperty("uploadToken", tokenValue);
    result.add("status", status);
    return new Outcome(result, media);
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
