package app.wauploader.core.target.photos;

import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.retry.Failures;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.CommitRequest;
import app.wauploader.core.target.CommitResult;
import app.wauploader.core.target.ContainerIds;
import app.wauploader.core.target.LinkRequest;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TargetTraits;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferSession;
import app.wauploader.core.target.TransferState;
import app.wauploader.core.target.photos.PhotosJson.BatchCreateRequest;
import app.wauploader.core.target.photos.PhotosJson.BatchCreateResponse;
import app.wauploader.core.target.photos.PhotosJson.NewMediaItem;
import app.wauploader.core.target.photos.PhotosJson.NewMediaItemResult;
import app.wauploader.core.target.photos.PhotosJson.SimpleMediaItem;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Google Photos Library API, written on google-http-client (there is no maintained Java client for
 * it).
 *
 * <p>Bytes: {@link PhotosUploads} (raw for a file that fits one request, resumable above).
 *
 * <p>Items: {@code POST /v1/mediaItems:batchCreate} with at most 50 upload tokens, into an album
 * this app created; each item is judged by its own status (absent or 0 code = success)
 * (https://developers.google.com/photos/library/guides/upload-media#creating-media-item). Albums
 * are created once ({@code POST /v1/albums}) and their ids kept locally, since since 2025-03-31
 * apps can only see albums they created.
 */
public final class PhotosTarget implements Target {
  /** batchCreate limit per call. */
  public static final int MAX_BATCH = 50;

  private final GoogleHttp http;
  private final PhotosAlbums albums;
  private final String root;
  private final PhotosUploads uploads;

  public PhotosTarget(GoogleHttp http, ContainerIds containers) {
    this(http, containers, ALBUM_CAPACITY);
  }

  /** Most media items an album holds (manage-albums guide: "up to 20,000"). */
  public static final int ALBUM_CAPACITY = PhotosAlbums.MAX_ITEMS;

  /**
   * @param albumCapacity items an album takes before the next one is used (Google's cap: {@value
   *     #ALBUM_CAPACITY}; smaller only to test the roll-over)
   */
  public PhotosTarget(GoogleHttp http, ContainerIds containers, int albumCapacity) {
    this.http = http;
    this.albums = new PhotosAlbums(http, containers, albumCapacity);
    this.root = http.endpoints().photosRootUrl();
    this.uploads = new PhotosUploads(http);
  }

  @Override
  public Service service() {
    return Service.PHOTOS;
  }

  /** Opens the upload; the album is created only at commit, so no empty album is left behind. */
  @Override
  public TransferSession begin(TransferRequest request) throws TargetException {
    return uploads.begin(request);
  }

  @Override
  public TransferState.Complete sendWhole(TransferRequest request, byte[] content, int length)
      throws TargetException {
    return uploads.sendWhole(request, content, length);
  }

  @Override
  public TransferState query(String transferUri, long size) throws TargetException {
    return uploads.query(transferUri, size);
  }

  @Override
  public TransferState send(String transferUri, long offset, byte[] chunk, int length, long size)
      throws TargetException {
    return uploads.send(transferUri, offset, chunk, length, size);
  }

  @Override
  public List<CommitResult> commit(List<CommitRequest> requests)
      throws TargetException, InterruptedException {
    return commit(requests, 0);
  }

  /** Albums one call may roll over to when Google says they are full. */
  private static final int MAX_ROLL_OVERS = 3;

  private List<CommitResult> commit(List<CommitRequest> requests, int rollOvers)
      throws TargetException, InterruptedException {
    if (requests.isEmpty()) {
      return List.of();
    }
    if (requests.size() > MAX_BATCH) {
      throw new IllegalArgumentException("batchCreate takes at most " + MAX_BATCH + " items");
    }
    String title = requests.get(0).container();
    for (CommitRequest r : requests) {
      if (!r.container().equals(title)) {
        throw new IllegalArgumentException("one batchCreate call adds to one album");
      }
    }
    // An album holds at most 20,000 items: a full one rolls over to "<title> (2)", … .
    PhotosAlbums.Room room = albums.roomIn(title);
    if (requests.size() > room.free()) {
      List<CommitResult> split =
          new ArrayList<>(commit(requests.subList(0, room.free()), rollOvers));
      split.addAll(commit(requests.subList(room.free(), requests.size()), rollOvers));
      return split;
    }
    String album = room.title();
    BatchCreateRequest body = new BatchCreateRequest();
    body.albumId = albums.id(album);
    body.newMediaItems = new ArrayList<>();
    for (CommitRequest r : requests) {
      NewMediaItem item = new NewMediaItem();
      item.simpleMediaItem = new SimpleMediaItem();
      item.simpleMediaItem.uploadToken = r.receipt();
      item.simpleMediaItem.fileName = r.remoteName();
      item.description = r.description().orElse(null);
      body.newMediaItems.add(item);
    }
    BatchCreateResponse answer;
    try {
      answer =
          albums.postJson(
              "v1/mediaItems:batchCreate", body, BatchCreateResponse.class, "Photos batchCreate");
    } catch (TargetException e) {
      if (PhotosAlbums.saysFull(e) && rollOvers < MAX_ROLL_OVERS) {
        // Counted short (e.g. a lost database): the next album takes them. Bounded: albums that
        // keep answering "full" must not make albums without end.
        albums.full(album);
        return commit(requests, rollOvers + 1);
      }
      if ((e.httpStatus() != 400 && e.httpStatus() != 404) || albums.exists(body.albumId)) {
        throw e;
      }
      // The user deleted the album: create it again (once) and add the items there.
      body.albumId = albums.recreate(album, body.albumId);
      answer =
          albums.postJson(
              "v1/mediaItems:batchCreate", body, BatchCreateResponse.class, "Photos batchCreate");
    }
    Map<String, NewMediaItemResult> byToken = new HashMap<>();
    if (answer.newMediaItemResults != null) {
      for (NewMediaItemResult result : answer.newMediaItemResults) {
        if (result.uploadToken != null) {
          byToken.put(result.uploadToken, result);
        }
      }
    }
    List<CommitResult> results = new ArrayList<>(requests.size());
    int created = 0;
    for (int i = 0; i < requests.size(); i++) {
      CommitRequest r = requests.get(i);
      NewMediaItemResult result = byToken.get(r.receipt());
      if (result == null
          && answer.newMediaItemResults != null
          && answer.newMediaItemResults.size() == requests.size()) {
        result = answer.newMediaItemResults.get(i);
      }
      results.add(judge(r, result));
    }
    for (CommitResult r : results) {
      created += r.remoteId().isPresent() ? 1 : 0;
    }
    albums.added(album, created);
    return results;
  }

  /**
   * Adds media items this app created to one more album ({@code albums.batchAddMediaItems}, at most
   * 50 per call, all or nothing): a second chat's album. Each result's id is the media item's.
   */
  @Override
  public List<CommitResult> link(String container, List<LinkRequest> requests)
      throws TargetException, InterruptedException {
    if (requests.isEmpty()) {
      return List.of();
    }
    albums.add(
        container, requests.stream().map(LinkRequest::remoteId).collect(Collectors.toList()));
    return requests.stream()
        .map(r -> CommitResult.success(r.key(), r.remoteId()))
        .collect(Collectors.toList());
  }

  private static CommitResult judge(CommitRequest request, NewMediaItemResult result) {
    if (result == null) {
      return CommitResult.failure(
          request.key(),
          new TargetException(FailureReason.SERVER, "Photos batchCreate: no result for item"));
    }
    int code = result.status == null || result.status.code == null ? 0 : result.status.code;
    if (code == 0 && result.mediaItem != null && result.mediaItem.id != null) {
      return CommitResult.success(request.key(), result.mediaItem.id);
    }
    String message =
        result.status == null || result.status.message == null
            ? "no media item created"
            : result.status.message;
    TargetException failure =
        new TargetException(
            classifyItemCode(code),
            0,
            "Photos batchCreate item rejected (code "
                + code
                + ": "
                + Failures.oneLine(message)
                + ")",
            Optional.empty(),
            null);
    // NOT_FOUND (5), or INVALID_ARGUMENT (3) about the token: Google no longer takes the upload
    // token (expired after about a day, or unknown): only new bytes give a new token. Code 3 about
    // anything else ("error while trying to create this media item", BAD_IMAGE) is Photos refusing
    // the media itself (STGUploader #22): permanent here, the file goes to Drive instead.
    boolean tokenRefused =
        code == 5 || (code == 3 && message.toLowerCase(Locale.ROOT).contains("token"));
    if (code == 3 && !tokenRefused) {
      return CommitResult.unsupported(request.key(), failure);
    }
    return tokenRefused
        ? CommitResult.resend(
            request.key(),
            new TargetException(
                FailureReason.RECEIPT_EXPIRED, 0, failure.getMessage(), Optional.empty(), null))
        : CommitResult.failure(request.key(), failure);
  }

  /**
   * Item status codes are google.rpc.Code values
   * (https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto): 4
   * DEADLINE_EXCEEDED, 10 ABORTED, 13 INTERNAL, 14 UNAVAILABLE are worth retrying; 8
   * RESOURCE_EXHAUSTED is rate limiting; the rest (3 INVALID_ARGUMENT, e.g. an expired upload
   * token) are not.
   */
  static FailureReason classifyItemCode(int code) {
    return switch (code) {
      case 4, 10, 13, 14 -> FailureReason.SERVER;
      case 8 -> FailureReason.RATE_LIMITED;
      default -> FailureReason.REJECTED;
    };
  }

  /**
   * Photos turns upload tokens into media items with batchCreate (≤ 50 per call); tokens are valid
   * about a day (we trust them 23 h); names need not be unique; Photos cannot be searched by
   * content and reports no checksum.
   */
  @Override
  public TargetTraits traits() {
    return TRAITS;
  }

  /**
   * {@code GET /v1/mediaItems/{id}}: an app-created item this app can still read
   * (https://developers.google.com/photos/library/reference/rest/v1/mediaItems/get); 404 (deleted
   * by the user) or 400 (an id Google no longer knows) means gone. Photos reports no checksum.
   */
  @Override
  public Optional<app.wauploader.core.target.StoredItem> stored(String remoteId)
      throws TargetException {
    try {
      com.google.api.client.http.HttpRequest get =
          http.requestFactory()
              .buildGetRequest(
                  new com.google.api.client.http.GenericUrl(root + "v1/mediaItems/" + remoteId));
      com.google.api.client.http.HttpResponse response =
          http.execute(get, "Photos media item check", 400, 404);
      boolean present = response.getStatusCode() / 100 == 2;
      GoogleHttp.disconnect(response);
      return present
          ? Optional.of(new app.wauploader.core.target.StoredItem(remoteId, Optional.empty()))
          : Optional.empty();
    } catch (java.io.IOException e) {
      throw Failures.fromIo(e, "Photos media item check");
    }
  }

  /** See {@link #traits()}. */
  public static final TargetTraits TRAITS =
      new TargetTraits(
          TargetTraits.Commit.BATCHED,
          MAX_BATCH,
          TargetTraits.Receipt.UPLOAD_TOKEN,
          java.time.Duration.ofHours(23),
          false,
          false,
          false,
          256 * 1024,
          PhotosAlbums.MAX_ADD,
          true);
}
