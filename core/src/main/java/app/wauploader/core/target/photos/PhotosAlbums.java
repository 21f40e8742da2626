package app.wauploader.core.target.photos;

import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.retry.Failures;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.ContainerIds;
import app.wauploader.core.target.photos.PhotosJson.Album;
import app.wauploader.core.target.photos.PhotosJson.AlbumList;
import app.wauploader.core.target.photos.PhotosJson.AlbumRequest;
import app.wauploader.core.target.photos.PhotosJson.BatchAddRequest;
import app.wauploader.domain.Service;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.json.JsonHttpContent;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The albums this app creates in Google Photos and what goes into them
 * (https://developers.google.com/photos/library/guides/manage-albums): {@code POST /v1/albums}
 * (title at most 500 characters) once per title, the id kept in the database, since since
 * 2025-03-31 apps can only see albums they created; {@code POST
 * /v1/albums/{albumId}:batchAddMediaItems} {@code {"mediaItemIds": […]}} adds at most 50
 * app-created media items per call to an app-created album, "Partial success is not supported. The
 * entire request will fail if an invalid media item or album is specified", and answers an empty
 * body (https://developers.google.com/photos/library/reference/rest/v1/albums/batchAddMediaItems).
 * An album holds at most 20,000 items.
 */
final class PhotosAlbums {
  /** The app's albums as listed once this run (null until needed). */
  private java.util.Map<String, String> listed;

  /** batchAddMediaItems limit per call. */
  static final int MAX_ADD = 50;

  /** Most media items an album holds (manage-albums guide: "up to 20,000"). */
  static final int MAX_ITEMS = 20_000;

  private final GoogleHttp http;
  private final ContainerIds containers;
  private final String root;
  private final int capacity;

  PhotosAlbums(GoogleHttp http, ContainerIds containers, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("album capacity must be >= 1");
    }
    this.http = http;
    this.containers = containers;
    this.root = http.endpoints().photosRootUrl();
    this.capacity = capacity;
  }

  /**
   * An album with room, and how many items it still takes.
   *
   * @param title the album's title: {@code WhatsApp Images}, {@code WhatsApp Images (2)}, …
   * @param free 1..capacity
   */
  record Room(String title, int free) {}

  /**
   * Where more items of album {@code title} go: {@code title} while it has room (counted locally),
   * else {@code title (2)}, {@code title (3)}, ….
   */
  Room roomIn(String title) {
    for (int n = 1; ; n++) {
      String candidate = n == 1 ? title : title + " (" + n + ")";
      long count = containers.itemCount(Service.PHOTOS, candidate);
      if (count < capacity) {
        return new Room(candidate, (int) (capacity - count));
      }
    }
  }

  /** Counts {@code items} more added to album {@code title}. */
  void added(String title, int items) {
    if (items > 0) {
      containers.countItems(Service.PHOTOS, title, items, false);
    }
  }

  /** Google said album {@code title} is full: it takes nothing more. */
  void full(String title) {
    containers.countItems(Service.PHOTOS, title, capacity, true);
  }

  /**
   * True for Google's whole-call refusal of an add to a full album. The wording is not documented;
   * any 400 naming the album as full or at its limit counts.
   */
  static boolean saysFull(TargetException e) {
    String m = e.getMessage().toLowerCase(java.util.Locale.ROOT);
    return e.httpStatus() == 400
        && m.contains("album")
        && (m.contains("album is full")
            || m.contains("20,000")
            || m.contains("20000")
            || m.contains("maximum number of media items"));
  }

  /**
   * Adds app-created media items to the album titled {@code title} (created on first use; created
   * again, once, if the user deleted it). Adding an item that is in the album already is harmless.
   *
   * @param mediaItemIds 1..50 media item ids
   * @throws TargetException when the call failed: no item was added
   */
  void add(String title, List<String> mediaItemIds) throws TargetException, InterruptedException {
    if (mediaItemIds.isEmpty() || mediaItemIds.size() > MAX_ADD) {
      throw new IllegalArgumentException(
          "batchAddMediaItems takes 1.." + MAX_ADD + " ids, got " + mediaItemIds.size());
    }
    Room room = roomIn(title);
    if (mediaItemIds.size() > room.free()) {
      add(title, mediaItemIds.subList(0, room.free()));
      add(title, mediaItemIds.subList(room.free(), mediaItemIds.size()));
      return;
    }
    BatchAddRequest body = new BatchAddRequest();
    body.mediaItemIds = mediaItemIds;
    String album = room.title();
    String albumId = id(album);
    try {
      postJson("v1/albums/" + albumId + ":batchAddMediaItems", body, Album.class, what());
      added(album, mediaItemIds.size());
      return;
    } catch (TargetException e) {
      if (saysFull(e)) {
        full(album);
        add(title, mediaItemIds);
        return;
      }
      if ((e.httpStatus() != 400 && e.httpStatus() != 404) || exists(albumId)) {
        throw e;
      }
      postJson(
          "v1/albums/" + recreate(album, albumId) + ":batchAddMediaItems",
          body,
          Album.class,
          what());
      added(album, mediaItemIds.size());
    }
  }

  private static String what() {
    return "Photos batchAddMediaItems";
  }

  /**
   * The id of the app-created album titled {@code title}: remembered in the database; else an album
   * of that title this app created earlier (listing only returns app-created albums); else created
   * now. Titles are at most 500 characters.
   */
  String id(String title) throws TargetException, InterruptedException {
    return recreate(title, null);
  }

  synchronized String recreate(String title, String staleId)
      throws TargetException, InterruptedException {
    Optional<String> known = containers.find(Service.PHOTOS, title);
    if (known.isPresent() && !known.get().equals(staleId)) {
      return known.get();
    }
    return containers.findOrCreate(
        Service.PHOTOS,
        title,
        staleId,
        () -> {
          Optional<String> found = staleId == null ? findAlbum(title) : Optional.empty();
          if (found.isPresent()) {
            return found.get();
          }
          AlbumRequest request = new AlbumRequest();
          request.album = new Album();
          request.album.title = title;
          return postJson("v1/albums", request, Album.class, "Photos album create").id;
        });
  }

  /** True if the album still exists (GET /v1/albums/{id} answers). */
  boolean exists(String albumId) throws TargetException {
    try {
      HttpRequest get =
          http.requestFactory().buildGetRequest(new GenericUrl(root + "v1/albums/" + albumId));
      // 403: an album of another OAuth client (the user made a new one): not ours, make a new one.
      HttpResponse response = http.execute(get, "Photos album check", 400, 403, 404);
      boolean exists = response.getStatusCode() / 100 == 2;
      GoogleHttp.disconnect(response);
      return exists;
    } catch (IOException e) {
      throw Failures.fromIo(e, "Photos album check");
    }
  }

  /**
   * An album of this title that this app created earlier. The app's albums are listed once per run
   * (all pages, 50 a page) and kept: a run that needs several albums pays one listing, not one per
   * album (every Photos request counts against the 10,000 a day). Albums made since by this run or
   * by another process on this database are found in the database first ({@link #recreate}).
   */
  private Optional<String> findAlbum(String title) throws TargetException {
    if (listed == null) {
      listed = listAlbums();
    }
    return Optional.ofNullable(listed.get(title));
  }

  /** Title → id of every album this app created (the first of a title, as listed). */
  private java.util.Map<String, String> listAlbums() throws TargetException {
    java.util.Map<String, String> albums = new java.util.HashMap<>();
    String pageToken = null;
    do {
      GenericUrl url = new GenericUrl(root + "v1/albums");
      url.set("pageSize", 50);
      if (pageToken != null) {
        url.set("pageToken", pageToken);
      }
      try {
        HttpRequest get = http.requestFactory().buildGetRequest(url);
        HttpResponse response = http.execute(get, "Photos album list");
        AlbumList list;
        try {
          list = response.parseAs(AlbumList.class);
        } finally {
          GoogleHttp.disconnect(response);
        }
        if (list.albums != null) {
          for (Album album : list.albums) {
            if (album.title != null && album.id != null) {
              albums.putIfAbsent(album.title, album.id);
            }
          }
        }
        pageToken = list.nextPageToken;
      } catch (IOException e) {
        throw Failures.fromIo(e, "Photos album list");
      }
    } while (pageToken != null && !pageToken.isEmpty());
    return albums;
  }

  <T> T postJson(String path, Object body, Class<T> type, String what) throws TargetException {
    try {
      HttpRequest post =
          http.requestFactory()
              .buildPostRequest(
                  new GenericUrl(root + path), new JsonHttpContent(GoogleHttp.json(), body));
      HttpResponse response = http.execute(post, what);
      try {
        return response.parseAs(type);
      } finally {
        GoogleHttp.disconnect(response);
      }
    } catch (IOException e) {
      throw Failures.fromIo(e, what);
    }
  }
}
