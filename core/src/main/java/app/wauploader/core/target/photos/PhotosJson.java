package app.wauploader.core.target.photos;

import com.google.api.client.json.GenericJson;
import com.google.api.client.util.Key;
import java.util.List;

/**
 * The JSON shapes of the Photos Library API calls we make
 * (https://developers.google.com/photos/library/reference/rest), for google-http-client's parser.
 */
public final class PhotosJson {
  private PhotosJson() {}

  /** {@code {"album": {...}}}. */
  public static final class AlbumRequest extends GenericJson {
    @Key public Album album;
  }

  /** An album (https://developers.google.com/photos/library/reference/rest/v1/albums). */
  public static final class Album extends GenericJson {
    @Key public String id;
    @Key public String title;
  }

  /** {@code albums.list} answer. */
  public static final class AlbumList extends GenericJson {
    @Key public List<Album> albums;
    @Key public String nextPageToken;
  }

  /** {@code albums.batchAddMediaItems} request: 1..50 media item ids. */
  public static final class BatchAddRequest extends GenericJson {
    @Key public List<String> mediaItemIds;
  }

  /** {@code mediaItems:batchCreate} request. */
  public static final class BatchCreateRequest extends GenericJson {
    @Key public String albumId;
    @Key public List<NewMediaItem> newMediaItems;
  }

  /** One new media item. */
  public static final class NewMediaItem extends GenericJson {
    @Key public String description;
    @Key public SimpleMediaItem simpleMediaItem;
  }

  /** Upload token + file name. */
  public static final class SimpleMediaItem extends GenericJson {
    @Key public String uploadToken;
    @Key public String fileName;
  }

  /** {@code mediaItems:batchCreate} answer. */
  public static final class BatchCreateResponse extends GenericJson {
    @Key public List<NewMediaItemResult> newMediaItemResults;
  }

  /** One item's result. */
  public static final class NewMediaItemResult extends GenericJson {
    @Key public String uploadToken;
    @Key public Status status;
    @Key public MediaItem mediaItem;
  }

  /** google.rpc.Status. */
  public static final class Status extends GenericJson {
    @Key public Integer code;
    @Key public String message;
  }

  /** A created media item (only the id is used). */
  public static final class MediaItem extends GenericJson {
    @Key public String id;
  }
}
