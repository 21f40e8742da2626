package app.wauploader.core.target.drive;

import app.wauploader.core.retry.Failures;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.LinkRequest;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferState;
import app.wauploader.domain.FailureReason;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.json.GenericJson;
import com.google.api.client.util.DateTime;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata-only Drive calls on files through the Drive v3 client library: finding what this app
 * stored by content, and shortcuts that file a stored file in one more folder.
 */
final class DriveFiles {
  /**
   * Drive's times of a new file: {@code createdTime} and {@code modifiedTime} from the capture date
   * when the request has one (both are writable on create,
   * https://developers.google.com/workspace/drive/api/reference/rest/v3/files), else only {@code
   * modifiedTime}, from the local file's mtime.
   */
  static void times(TransferRequest request, GenericJson metadata) {
    metadata.set("modifiedTime", new DateTime(modifiedTime(request)).toStringRfc3339());
    request
        .capturedAt()
        .ifPresent(
            t -> metadata.set("createdTime", new DateTime(t.toEpochMilli()).toStringRfc3339()));
  }

  private static long modifiedTime(TransferRequest request) {
    return request.capturedAt().map(java.time.Instant::toEpochMilli).orElse(request.mtimeMs());
  }

  /**
   * Drive shortcut MIME type (https://developers.google.com/workspace/drive/api/guides/shortcuts).
   */
  static final String SHORTCUT_MIME_TYPE = "application/vnd.google-apps.shortcut";

  /** appProperties key of a shortcut holding the SHA-256 of the content it points to. */
  static final String SHORTCUT_OF_PROPERTY = "shortcutOf";

  private final Drive drive;

  DriveFiles(Drive drive) {
    this.drive = drive;
  }

  /** A file created with its bytes in one multipart request (see {@link DriveTarget#sendWhole}). */
  TransferState.Complete createWhole(
      TransferRequest request, String folderId, byte[] content, int length) throws TargetException {
    File metadata =
        new File()
            .setName(request.remoteName())
            .setParents(List.of(folderId))
            .setMimeType(request.mimeType())
            .setModifiedTime(new DateTime(modifiedTime(request)))
            .setCreatedTime(
                request.capturedAt().map(t -> new DateTime(t.toEpochMilli())).orElse(null))
            .setAppProperties(Map.of(DriveTarget.SHA256_PROPERTY, request.sha256()));
    try {
      Drive.Files.Create create =
          drive
              .files()
              .create(metadata, new ByteArrayContent(request.mimeType(), content, 0, length))
              .setFields(DriveTarget.FILE_FIELDS);
      create.getMediaHttpUploader().setDirectUploadEnabled(true);
      // Media are compressed already: gzip (the library's default) would spend a phone's battery
      // for nothing, and the resumable path sends plain bytes too.
      create.setDisableGZipContent(true);
      File file = create.execute();
      if (file.getId() == null) {
        throw new TargetException(FailureReason.SERVER, "Drive upload: answer without a file id");
      }
      return new TransferState.Complete(
          file.getId(), Optional.ofNullable(file.getSha256Checksum()));
    } catch (GoogleJsonResponseException e) {
      throw classify(e, "Drive upload");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive upload");
    }
  }

  /**
   * The id of a shortcut in {@code folderId} to {@code request.remoteId()}: the one this app made
   * before (found by its {@code appProperties.shortcutOf}, so a run cut short after making it does
   * not make a second), else a new one: {@code files.create} with {@code mimeType} {@value
   * #SHORTCUT_MIME_TYPE} and {@code shortcutDetails.targetId}; Drive fills in {@code
   * shortcutDetails.targetMimeType}
   * (https://developers.google.com/workspace/drive/api/guides/shortcuts).
   *
   * @throws TargetException classified (404 when the folder or the target is gone)
   */
  String shortcut(String folderId, LinkRequest request) throws TargetException {
    String q =
        "'"
            + escape(folderId)
            + "' in parents and mimeType = '"
            + SHORTCUT_MIME_TYPE
            + "' and appProperties has { key='"
            + SHORTCUT_OF_PROPERTY
            + "' and value='"
            + escape(request.sha256())
            + "' } and trashed = false";
    try {
      FileList list =
          drive
              .files()
              .list()
              .setQ(q)
              .setSpaces("drive")
              .setFields("files(id,shortcutDetails)")
              .execute();
      if (list.getFiles() != null) {
        for (File f : list.getFiles()) {
          if (f.getShortcutDetails() != null
              && request.remoteId().equals(f.getShortcutDetails().getTargetId())) {
            return f.getId();
          }
        }
      }
      File shortcut =
          new File()
              .setName(request.remoteName())
              .setMimeType(SHORTCUT_MIME_TYPE)
              .setParents(List.of(folderId))
              .setAppProperties(Map.of(SHORTCUT_OF_PROPERTY, request.sha256()))
              .setShortcutDetails(new File.ShortcutDetails().setTargetId(request.remoteId()));
      return drive.files().create(shortcut).setFields("id").execute().getId();
    } catch (GoogleJsonResponseException e) {
      throw classify(e, "Drive shortcut");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive shortcut");
    }
  }

  /**
   * The id of a non-trashed file this app stored whose {@code appProperties.sha256} is {@code
   * sha256} and whose {@code sha256Checksum} (computed by Drive) agrees: {@code files.list} with
   * {@code appProperties has { key='sha256' and value='…' }}
   * (https://developers.google.com/workspace/drive/api/guides/properties).
   *
   * @param sha256 64 lowercase hex characters
   * @throws TargetException classified, when Drive cannot be asked
   */
  Optional<String> findBySha256(String sha256) throws TargetException {
    String q =
        "appProperties has { key='"
            + DriveTarget.SHA256_PROPERTY
            + "' and value='"
            + escape(sha256)
            + "' } and trashed = false";
    try {
      FileList list =
          drive
              .files()
              .list()
              .setQ(q)
              .setSpaces("drive")
              .setFields("files(id,sha256Checksum)")
              .execute();
      if (list.getFiles() == null) {
        return Optional.empty();
      }
      // Only a file whose bytes Google hashed to the same value counts, not just our label.
      return list.getFiles().stream()
          .filter(f -> sha256.equalsIgnoreCase(String.valueOf(f.getSha256Checksum())))
          .map(File::getId)
          .findFirst();
    } catch (GoogleJsonResponseException e) {
      throw classify(e, "Drive lookup by SHA-256");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive lookup by SHA-256");
    }
  }

  /**
   * The file as Drive has it now: {@code files.get} with {@code fields=id,sha256Checksum,trashed}
   * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/get); a 404 or a
   * trashed file is gone.
   *
   * @throws TargetException classified, when Drive cannot be asked
   */
  Optional<app.wauploader.core.target.StoredItem> stored(String fileId) throws TargetException {
    try {
      File file = drive.files().get(fileId).setFields("id,sha256Checksum,trashed").execute();
      if (Boolean.TRUE.equals(file.getTrashed())) {
        return Optional.empty();
      }
      return Optional.of(
          new app.wauploader.core.target.StoredItem(
              file.getId(), Optional.ofNullable(file.getSha256Checksum())));
    } catch (GoogleJsonResponseException e) {
      if (e.getStatusCode() == 404) {
        return Optional.empty();
      }
      throw classify(e, "Drive file check");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive file check");
    }
  }

  static TargetException classify(GoogleJsonResponseException e, String what) {
    String retryAfter =
        e.getHeaders() == null ? null : e.getHeaders().getFirstHeaderStringValue("Retry-After");
    GoogleJsonError details = e.getDetails();
    if (details == null) {
      return Failures.fromResponse(e.getStatusCode(), e.getContent(), retryAfter, what);
    }
    String reason =
        details.getErrors() == null || details.getErrors().isEmpty()
            ? ""
            : String.valueOf(details.getErrors().get(0).getReason());
    StringBuilder info = new StringBuilder();
    if (details.getDetails() != null) {
      for (GoogleJsonError.Details d : details.getDetails()) {
        info.append(d.getReason()).append(' ').append(d.get("metadata")).append(' ');
      }
    }
    return Failures.fromError(
        e.getStatusCode(),
        details.getMessage() == null ? "" : details.getMessage(),
        reason,
        info.toString().trim(),
        retryAfter,
        what);
  }

  /** Escapes a value for a Drive query string literal. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }
}
