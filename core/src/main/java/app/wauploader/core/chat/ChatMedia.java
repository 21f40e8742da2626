package app.wauploader.core.chat;

import app.wauploader.core.hash.ContentHasher;
import app.wauploader.core.hash.Fingerprint;
import app.wauploader.core.source.MediaContent;
import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.ScanOptions;
import app.wauploader.core.source.SourceUnavailableException;
import app.wauploader.core.source.ZipArchiveSource;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a chat export's attachments are, located and fingerprinted before the import's
 * transaction: inside the export (a ZIP with media) first, else in the media folders by name. Their
 * contents are known at import, so each goes to its chat's album even when another file with the
 * same bytes is uploaded first. A file that cannot be read stays unhashed (the upload reads it).
 */
public final class ChatMedia {
  private final Map<String, MediaEntry> inside;
  private final Map<String, MediaEntry> inFolders;
  private final Map<String, Fingerprint> fingerprints;

  private ChatMedia(
      Map<String, MediaEntry> inside,
      Map<String, MediaEntry> inFolders,
      Map<String, Fingerprint> fingerprints) {
    this.inside = inside;
    this.inFolders = inFolders;
    this.fingerprints = fingerprints;
  }

  /** Every file of {@code folders} by name (the first of a name wins). */
  public static Map<String, MediaEntry> byName(MediaSource folders)
      throws SourceUnavailableException {
    Map<String, MediaEntry> byName = new HashMap<>();
    folders.list(ScanOptions.defaults(), f -> byName.putIfAbsent(f.name(), f), p -> {});
    return byName;
  }

  /**
   * Locates and fingerprints the attachments of {@code export}.
   *
   * @param folders the media folders' files by name ({@link #byName}), read through {@code reader}
   * @param reader opens the folders' files by key
   */
  public static ChatMedia locate(
      ChatExportFile export, Map<String, MediaEntry> folders, MediaSource reader)
      throws IOException {
    Map<String, MediaEntry> inside = new HashMap<>();
    ZipArchiveSource zip = export.isArchive() ? new ZipArchiveSource(export.path()) : null;
    try {
      if (zip != null) {
        inside.putAll(byName(zip));
      }
      Map<String, MediaEntry> located = new LinkedHashMap<>();
      for (Attachment a : export.chat().attachments()) {
        MediaEntry file =
            inside.containsKey(a.name()) ? inside.get(a.name()) : folders.get(a.name());
        if (file != null) {
          located.putIfAbsent(file.key(), file);
        }
      }
      Map<String, Fingerprint> fingerprints = new HashMap<>();
      ContentHasher hasher = new ContentHasher();
      for (MediaEntry file : located.values()) {
        MediaSource source = zip != null && zip.accepts(file.key()) ? zip : reader;
        try (MediaContent content = source.open(file.key())) {
          fingerprints.put(file.key(), hasher.fingerprint(content, file.name()));
        } catch (IOException unreadable) {
          // left for the upload, which reports it
        }
      }
      return new ChatMedia(inside, folders, fingerprints);
    } finally {
      if (zip != null) {
        zip.close();
      }
    }
  }

  /** The file attachment {@code name} is: inside the export, else in the folders; or null. */
  MediaEntry file(String name) {
    MediaEntry in = inside.get(name);
    return in != null ? in : inFolders.get(name);
  }

  /** True if attachment {@code name} is inside the export itself. */
  boolean isInside(String name) {
    return inside.containsKey(name);
  }

  /** The fingerprint of the file at {@code key}, if it could be read. */
  Fingerprint fingerprint(String key) {
    return fingerprints.get(key);
  }
}
