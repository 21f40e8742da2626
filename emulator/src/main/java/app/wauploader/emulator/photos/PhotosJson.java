package app.wauploader.emulator.photos;

import app.wauploader.emulator.http.Rfc3339;
import app.wauploader.emulator.store.StoredAlbum;
import app.wauploader.emulator.store.StoredMediaItem;
import com.google.gson.JsonObject;
import java.net.URI;

/**
 * Photos Library resources as JSON: MediaItem
 * (https://developers.google.com/photos/library/reference/rest/v1/mediaItems#MediaItem) and Album
 * (https://developers.google.com/photos/library/reference/rest/v1/albums#Album). int64 fields
 * ({@code width}, {@code height}, {@code mediaItemsCount}) are decimal strings.
 */
final class PhotosJson {
  private PhotosJson() {}

  static JsonObject mediaItem(StoredMediaItem item, URI baseUri) {
    JsonObject json = new JsonObject();
    json.addProperty("id", item.id());
    if (item.description() != null) {
      json.addProperty("description", item.description());
    }
    json.addProperty("productUrl", "https://photos.google.com/lr/photo/" + item.id());
    json.addProperty("baseUrl", baseUri + "/__emulator/content/" + item.id());
    json.addProperty("mimeType", item.mimeType());
    JsonObject metadata = new JsonObject();
    metadata.addProperty("creationTime", Rfc3339.format(item.creationTime()));
    if (item.width() != null && item.height() != null) {
      metadata.addProperty("width", Integer.toString(item.width()));
      metadata.addProperty("height", Integer.toString(item.height()));
    }
    if (MediaTypes.isVideo(item.mimeType())) {
      JsonObject video = new JsonObject();
      video.addProperty("status", "READY");
      metadata.add("video", video);
    } else {
      metadata.add("photo", new JsonObject());
    }
    json.add("mediaMetadata", metadata);
    json.addProperty("filename", item.filename());
    return json;
  }

  static JsonObject album(StoredAlbum album) {
    JsonObject json = new JsonObject();
    json.addProperty("id", album.id());
    json.addProperty("title", album.title());
    json.addProperty("productUrl", "https://photos.google.com/lr/album/" + album.id());
    json.addProperty("isWriteable", true);
    json.addProperty("mediaItemsCount", Integer.toString(album.mediaItemIds().size()));
    return json;
  }
}
