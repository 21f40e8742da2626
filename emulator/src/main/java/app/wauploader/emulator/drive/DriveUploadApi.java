package app.wauploader.emulator.drive;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.Json;
import app.wauploader.emulator.http.QueryParameters;
import app.wauploader.emulator.http.Reply;
import app.wauploader.emulator.http.Router;
import app.wauploader.emulator.store.BlobStore;
import app.wauploader.emulator.store.ContentDigest;
import app.wauploader.emulator.store.DriveFileDraft;
import app.wauploader.emulator.store.DriveUploadSession;
import app.wauploader.emulator.store.EmulatorStore;
import app.wauploader.emulator.store.RandomIds;
import app.wauploader.emulator.store.SessionLocks;
import app.wauploader.emulator.store.StoredDriveFile;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Drive v3 uploads (https://developers.google.com/workspace/drive/api/guides/manage-uploads):
 *
 * <ul>
 *   <li>{@code POST /upload/drive/v3/files?uploadType=resumable} (also under {@code
 *       /resumable/upload/...}): starts a session; answers 200 with {@code Location: <session URI>}
 *       and an empty body.
 *   <li>{@code PUT <session URI>} with {@code Content-Range: bytes FIRST-LAST/TOTAL} (TOTAL may be
 *       {@code *}): appends a chunk. A chunk starting before the stored length has its overlap
 *       skipped; one starting after it is rejected with 400. Mid-upload answer: 308 with {@code
 *       Range: bytes=0-N} (no Range when nothing is stored) and never a {@code Location} header
 *       (google-http-client would follow it as a redirect). When TOTAL bytes are stored the file is
 *       created and the answer is 200 with the File JSON; later requests get that again.
 *   <li>{@code PUT <session URI>} with an empty body and {@code Content-Range: bytes *}{@code
 *       /TOTAL}: status query, answered as above; 404 for an unknown session.
 *   <li>{@code uploadType=multipart} and {@code uploadType=media}: single-request uploads.
 * </ul>
 *
 * A body that breaks off keeps the bytes received, cut down to a multiple of 256 KiB. Every chunk
 * but the last must be a multiple of 256 KiB (else 400, nothing stored); a session older than the
 * emulator's {@code resumableSessionTtlSeconds} (a week by default) answers 404. File answers hold
 * only the {@code fields} asked for, on the chunk request or else on the initiation ({@link
 * FieldMask}).
 */
public final class DriveUploadApi {
  private static final String SESSION_PATH = "/upload/drive/v3/files";

  /** Every chunk but the last must be a multiple of this many bytes (256 KiB). */
  static final long CHUNK_MULTIPLE = 256 * 1024;

  private final EmulatorStore store;
  private final Clock clock;
  private final Duration sessionTtl;
  private final SessionLocks locks = new SessionLocks();

  /**
   * @param sessionTtl how long a resumable session can be used after initiation (Google: about a
   *     week)
   */
  public DriveUploadApi(EmulatorStore store, Clock clock, Duration sessionTtl) {
    this.store = store;
    this.clock = clock;
    this.sessionTtl = sessionTtl;
  }

  /** Adds this API's routes to {@code router}. */
  public void register(Router router) {
    for (String path : List.of(SESSION_PATH, "/resumable" + SESSION_PATH)) {
      router.addContent(
          "POST", path, ApiRoute.DRIVE_UPLOAD, DriveUploadApi::isContentPost, this::post);
      router.addContent("PUT", path, ApiRoute.DRIVE_UPLOAD, query -> true, this::chunk);
    }
  }

  private static boolean isContentPost(QueryParameters query) {
    return query.first("upload_id").isPresent()
        || !query.first("uploadType").filter("resumable"::equals).isPresent();
  }

  /**
   * Forgets a session (the {@code dropSession} fault): later requests for it get 404. The bytes of
   * an unfinished session are deleted.
   */
  public void dropSession(String uploadId) throws IOException {
    if (!RandomIds.isWellFormed(uploadId)) {
      return;
    }
    locks.with(
        uploadId,
        () -> {
          DriveUploadSession removed = store.write(state -> state.driveSessions().remove(uploadId));
          if (removed != null && removed.completedFileId().isEmpty()) {
            store.blobs().delete(uploadId);
          }
          return null;
        });
  }

  private Reply post(ApiRequest request) throws IOException {
    if (request.param("upload_id").isPresent()) {
      return chunk(request);
    }
    String uploadType =
        request
            .param("uploadType")
            .orElseThrow(
                () ->
                    ApiError.badRequest("Missing uploadType: use resumable, multipart or media."));
    return switch (uploadType) {
      case "resumable" -> initiate(request);
      case "multipart" -> multipart(request);
      case "media" -> media(request);
      default ->
          throw ApiError.badRequest(
              "Invalid uploadType '" + uploadType + "': use resumable, multipart or media.");
    };
  }

  private Reply initiate(ApiRequest request) throws IOException {
    String contentType = request.header("X-Upload-Content-Type").orElse(null);
    Long declared =
        request.header("X-Upload-Content-Length").map(DriveUploadApi::length).orElse(null);
    JsonObject body = request.jsonBody();
    Optional<String> fields = request.param("fields");
    DriveJson.fileMask(fields);
    DriveMetadata.rejectShortcutUpload(body, contentType);
    DriveFileDraft requested =
        DriveMetadata.draft(body, contentType == null ? "application/octet-stream" : contentType);
    String uploadId = RandomIds.uploadId();
    Instant now = clock.instant();
    store.write(
        state -> {
          List<String> parents = DriveMetadata.resolveParents(requested.parents(), state);
          DriveSpaces.checkScope(request, DriveSpaces.inAppData(parents, state));
          DriveFileDraft draft = withParents(requested, parents);
          state
              .driveSessions()
              .put(
                  uploadId,
                  new DriveUploadSession(
                      uploadId,
                      draft,
                      contentType == null ? draft.mimeType() : contentType,
                      declared,
                      now,
                      null,
                      fields.orElse(null)));
          return null;
        });
    String location =
        request.baseUri() + SESSION_PATH + "?uploadType=resumable&upload_id=" + uploadId;
    return Reply.empty(200)
        .withHeader("Location", location)
        .withHeader("X-GUploader-UploadID", uploadId);
  }

  private static long length(String text) {
    try {
      long value = Long.parseLong(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw ApiError.badRequest("Invalid X-Upload-Content-Length: '" + text + "'.");
  }

  private static DriveFileDraft withParents(DriveFileDraft draft, List<String> parents) {
    return new DriveFileDraft(
        draft.name(),
        draft.mimeType(),
        parents,
        draft.appProperties(),
        draft.description(),
        draft.modifiedTime(),
        draft.shortcutTargetId(),
        draft.createdTime());
  }

  private Reply chunk(ApiRequest request) throws IOException {
    String uploadId =
        request.param("upload_id").orElseThrow(() -> ApiError.badRequest("Missing upload_id."));
    if (!RandomIds.isWellFormed(uploadId)) {
      throw unknownSession(uploadId);
    }
    return locks.with(uploadId, () -> chunkLocked(request, uploadId));
  }

  private static ApiError unknownSession(String uploadId) {
    return ApiError.notFound("Upload session not found or expired: upload_id=" + uploadId + ".");
  }

  private Reply chunkLocked(ApiRequest request, String uploadId) throws IOException {
    DriveUploadSession session = store.read(state -> state.driveSessions().get(uploadId));
    if (session == null) {
      throw unknownSession(uploadId);
    }
    if (session.createdAt().plus(sessionTtl).isBefore(clock.instant())) {
      // Resumable sessions expire after about a week; the session URI then answers 404
      // (https://developers.google.com/workspace/drive/api/guides/manage-uploads#resumable,
      // "404 Not Found" there means the session expired and the upload must start over). The
      // emulator answers as for a session never seen, and drops its bytes.
      dropSession(uploadId);
      throw unknownSession(uploadId);
    }
    FieldMask mask =
        DriveJson.fileMask(request.param("fields").or(() -> Optional.ofNullable(session.fields())));
    if (session.completedFileId().isPresent()) {
      return completedReply(session, mask);
    }
    BlobStore blobs = store.blobs();
    long stored = blobs.length(uploadId);
    ContentRange range = request.header("Content-Range").map(ContentRange::parse).orElse(null);
    OptionalLong declared = session.totalLength();
    if (range != null
        && range.total() >= 0
        && declared.isPresent()
        && range.total() != declared.getAsLong()) {
      throw ApiError.badRequest(
          "Content-Range total "
              + range.total()
              + " differs from the upload's declared length "
              + declared.getAsLong()
              + ".");
    }
    long total = range != null && range.total() >= 0 ? range.total() : declared.orElse(-1);
    DriveUploadSession current = session;
    if (declared.isEmpty() && total >= 0) {
      DriveUploadSession known = session.withDeclaredLength(total);
      store.write(state -> state.driveSessions().put(uploadId, known));
      current = known;
    }
    if (total >= 0 && stored > total) {
      throw ApiError.badRequest(
          "The upload already holds " + stored + " bytes, more than the total " + total + ".");
    }
    if ((range == null && request.bodyKnownEmpty()) || (range != null && range.isStatusQuery())) {
      if (total >= 0 && stored == total) {
        return complete(current, mask);
      }
      return incomplete(stored);
    }

    long first = range == null ? 0 : range.first();
    long expected = range == null ? request.contentLength().orElse(-1) : range.length();
    OptionalLong contentLength = request.contentLength();
    if (range != null && contentLength.isPresent() && contentLength.getAsLong() != expected) {
      throw ApiError.badRequest(
          "Content-Length "
              + contentLength.getAsLong()
              + " does not match the Content-Range length "
              + expected
              + ".");
    }
    if (range != null && (total < 0 || range.first() + expected < total)) {
      checkChunkMultiple(expected);
    }
    if (first > stored) {
      throw ApiError.badRequest(
          "Content-Range starts at byte "
              + first
              + " but the upload holds only "
              + stored
              + " bytes; query the upload status and resume from there.");
    }
    long skip = stored - first;
    if (expected >= 0) {
      skip = Math.min(skip, expected);
    }
    long maxBytes = expected >= 0 ? expected - skip : Long.MAX_VALUE;
    if (total >= 0) {
      maxBytes = Math.min(maxBytes, total - stored);
    }
    BlobStore.AppendResult result = blobs.append(uploadId, stored, request.body(), skip, maxBytes);
    if (result.overflow()) {
      throw ApiError.badRequest(
          "The request body is longer than its Content-Range or the upload's total length.");
    }
    if (result.skipped() < skip) {
      throw ApiError.badRequest(
          "The request body ended inside the "
              + stored
              + " bytes already stored; query the upload status and resume from there.");
    }
    if (expected >= 0 && result.skipped() + result.written() < expected) {
      blobs.truncate(uploadId, stored);
      throw ApiError.badRequest(
          "The request body is shorter than its Content-Range (" + expected + " bytes).");
    }
    long now = stored + result.written();
    if (range == null && total < 0) {
      total = now;
    }
    if (total >= 0 && now == total) {
      return complete(current, mask);
    }
    return incomplete(now);
  }

  /**
   * A chunk that is not the last must be a multiple of 256 KiB (256 x 1024 bytes), as the resumable
   * upload guide requires for every chunk but the final one
   * (https://developers.google.com/workspace/drive/api/guides/manage-uploads#resumable). Google's
   * upload servers answer 400 with this message for a short one
   * (https://github.com/googleapis/google-cloud-node/issues/1044,
   * https://github.com/googleapis/gcs-resumable-upload/issues/17); the emulator rejects every
   * non-multiple that way (the stricter reading), nothing of it stored.
   */
  private static void checkChunkMultiple(long length) {
    if (length >= 0 && length % CHUNK_MULTIPLE == 0 && length > 0) {
      return;
    }
    throw ApiError.of(
        400,
        "badRequest",
        "Invalid request.  The number of bytes uploaded is required to be equal or greater than"
            + " 262144, except for the final request (it's recommended to be the exact multiple of"
            + " 262144).  The received request contained "
            + length
            + " bytes, which does not meet this requirement.");
  }

  /** 308 Resume Incomplete: {@code Range} when something is stored, never {@code Location}. */
  private static Reply incomplete(long stored) {
    Reply reply = Reply.empty(308);
    return stored > 0 ? reply.withHeader("Range", "bytes=0-" + (stored - 1)) : reply;
  }

  private Reply complete(DriveUploadSession session, FieldMask mask) throws IOException {
    ContentDigest digest = store.blobs().digest(session.uploadId());
    Instant now = clock.instant();
    StoredDriveFile file =
        store.write(
            state -> {
              StoredDriveFile created =
                  DriveFilesApi.newFile(
                      RandomIds.driveFileId(),
                      session.draft(),
                      session.draft().parents(),
                      digest,
                      digest.size() == 0 ? null : session.uploadId(),
                      null,
                      now);
              state.driveFiles().put(created.id(), created);
              state.driveSessions().put(session.uploadId(), session.completedAs(created.id()));
              return created;
            });
    return Reply.json(200, DriveJson.file(file, mask));
  }

  private Reply completedReply(DriveUploadSession session, FieldMask mask) {
    StoredDriveFile file = store.read(state -> state.driveFiles().get(session.fileId()));
    if (file == null) {
      throw ApiError.notFound("File not found: " + session.fileId() + ".");
    }
    return Reply.json(200, DriveJson.file(file, mask));
  }

  private Reply multipart(ApiRequest request) throws IOException {
    FieldMask mask = DriveJson.fileMask(request.param("fields"));
    String boundary =
        MultipartRelatedReader.boundaryOf(request.header("Content-Type").orElse(null));
    MultipartRelatedReader reader = new MultipartRelatedReader(request.body(), boundary);
    reader.nextPartHeaders();
    String metadata = reader.partText(1024 * 1024);
    Map<String, String> mediaHeaders = reader.nextPartHeaders();
    String mediaType = mediaHeaders.getOrDefault("content-type", "application/octet-stream");
    JsonObject body = Json.parseObject(metadata);
    DriveMetadata.rejectShortcutUpload(body, mediaType);
    DriveFileDraft draft = DriveMetadata.draft(body, mediaType);
    return storeSingleRequest(request, draft, reader.partContent(), mask);
  }

  private Reply media(ApiRequest request) throws IOException {
    FieldMask mask = DriveJson.fileMask(request.param("fields"));
    String mediaType = request.header("Content-Type").orElse("application/octet-stream");
    DriveMetadata.rejectShortcutUpload(new JsonObject(), mediaType);
    DriveFileDraft draft = DriveMetadata.draft(new JsonObject(), mediaType);
    return storeSingleRequest(request, draft, request.body(), mask);
  }

  private Reply storeSingleRequest(
      ApiRequest request, DriveFileDraft requested, InputStream content, FieldMask mask)
      throws IOException {
    List<String> parents =
        store.read(state -> DriveMetadata.resolveParents(requested.parents(), state));
    if (store.read(state -> DriveSpaces.inAppData(parents, state))) {
      DriveSpaces.checkScope(request, true);
      DriveSpaces.markAppDataBody(request);
    } else {
      DriveSpaces.checkScope(request, false);
    }
    String blobId = RandomIds.uploadId();
    BlobStore blobs = store.blobs();
    try {
      blobs.append(blobId, 0, content, 0, Long.MAX_VALUE);
    } catch (IOException | RuntimeException e) {
      blobs.delete(blobId);
      throw e;
    }
    ContentDigest digest = blobs.digest(blobId);
    if (digest.size() == 0) {
      blobs.delete(blobId);
    }
    Instant now = clock.instant();
    StoredDriveFile file =
        store.write(
            state -> {
              StoredDriveFile created =
                  DriveFilesApi.newFile(
                      RandomIds.driveFileId(),
                      withParents(requested, parents),
                      parents,
                      digest,
                      digest.size() == 0 ? null : blobId,
                      null,
                      now);
              state.driveFiles().put(created.id(), created);
              return created;
            });
    return Reply.json(200, DriveJson.file(file, mask));
  }
}
