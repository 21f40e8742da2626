package app.wauploader.core.plan;

import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.target.RemoteNames;
import app.wauploader.domain.Service;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the target of a file: images and videos that Google Photos accepts go to an app-created
 * album named after their WhatsApp media folder; everything else to Drive under {@code
 * WhatsApp/<media folder>/}.
 *
 * <p>Photos limits
 * (https://developers.google.com/photos/library/guides/upload-media#file-types-sizes): photos up to
 * 200 MB, videos up to 20 GB; photo formats AVIF, BMP, GIF, HEIC, ICO, JPG, PNG, TIFF, WEBP (and
 * some RAW); video formats 3GP, 3G2, ASF, AVI, DIVX, M2T, M2TS, M4V, MKV, MMV, MOD, MOV, MP4, MPG,
 * MTS, TOD, WMV. Anything else, or larger, goes to Drive.
 */
public final class Router {
  /** Largest photo Photos accepts, bytes (200 MB). */
  public static final long MAX_PHOTO_BYTES = 200L * 1000 * 1000;

  /** Largest video Photos accepts, bytes (20 GB). */
  public static final long MAX_VIDEO_BYTES = 20L * 1000 * 1000 * 1000;

  /** Prefix of a chat's album title. */
  public static final String CHAT_ALBUM_PREFIX = "WhatsApp · ";

  /** Drive folder (under the top folder) holding one folder per chat. */
  public static final String CHATS_FOLDER = "Chats";

  /** Longest album title Photos takes (albums.create: "title ... 500 characters"). */
  private static final int MAX_ALBUM_TITLE = 500;

  /** Top Drive folder. */
  public static final String DRIVE_ROOT_FOLDER = "WhatsApp";

  private static final Set<String> PHOTO_TYPES =
      Set.of(
          "image/jpeg",
          "image/png",
          "image/gif",
          "image/webp",
          "image/heic",
          "image/heif",
          "image/avif",
          "image/bmp",
          "image/x-ms-bmp",
          "image/tiff",
          "image/x-icon",
          "image/vnd.microsoft.icon");

  private static final Set<String> VIDEO_TYPES =
      Set.of(
          "video/mp4",
          "video/quicktime",
          "video/3gpp",
          "video/3gpp2",
          "video/x-msvideo",
          "video/avi",
          "video/x-matroska",
          "video/mpeg",
          "video/x-ms-wmv",
          "video/x-ms-asf",
          "video/x-m4v",
          "video/mp2t",
          "video/divx");

  /**
   * The route of {@code file} whose content has type {@code mimeType}; the remote name is the file
   * name made safe ({@link RemoteNames#safe}).
   */
  public Route route(MediaEntry file, String mimeType) {
    return route(file, mimeType, Optional.empty());
  }

  /**
   * The route of {@code file} of chat {@code chatName}, when it belongs to a known chat: the chat's
   * album or folder ({@link #chatContainer}) instead of its media folder's.
   */
  public Route route(MediaEntry file, String mimeType, Optional<String> chatName) {
    String type = mimeType.toLowerCase(Locale.ROOT);
    boolean photo = PHOTO_TYPES.contains(type) && file.size() <= MAX_PHOTO_BYTES;
    boolean video = VIDEO_TYPES.contains(type) && file.size() <= MAX_VIDEO_BYTES;
    Service service = photo || video ? Service.PHOTOS : Service.DRIVE;
    String container =
        chatName.isPresent()
            ? chatContainer(service, chatName.get())
            : service == Service.PHOTOS
                ? file.mediaFolder()
                : DRIVE_ROOT_FOLDER + "/" + RemoteNames.safe(file.mediaFolder());
    return new Route(service, container, RemoteNames.safe(file.name()));
  }

  /**
   * The Drive route of {@code file} whatever its type: where a file goes that Photos refused as
   * media it cannot take, so nothing is left out.
   */
  public Route driveRoute(MediaEntry file, Optional<String> chatName) {
    String container =
        chatName.isPresent()
            ? chatContainer(Service.DRIVE, chatName.get())
            : DRIVE_ROOT_FOLDER + "/" + RemoteNames.safe(file.mediaFolder());
    return new Route(Service.DRIVE, container, RemoteNames.safe(file.name()));
  }

  /**
   * The album (Photos) or folder (Drive) of chat {@code chatName}: the album title {@code WhatsApp
   * · Family} (titles are at most 500 characters, so a longer name is cut), the folder {@code
   * WhatsApp/Chats/Family} ({@code /} in a name becomes {@code -}).
   */
  public static String chatContainer(Service service, String chatName) {
    if (service == Service.PHOTOS) {
      String title = CHAT_ALBUM_PREFIX + chatName.trim();
      if (title.length() <= MAX_ALBUM_TITLE) {
        return title;
      }
      int end = MAX_ALBUM_TITLE;
      return title.substring(0, Character.isHighSurrogate(title.charAt(end - 1)) ? end - 1 : end);
    }
    // A '/' would make a folder inside a folder: "Mum/Dad" is the folder "Mum-Dad".
    return DRIVE_ROOT_FOLDER
        + "/"
        + CHATS_FOLDER
        + "/"
        + RemoteNames.safe(chatName.trim().replace('/', '-'));
  }
}
