package app.wauploader.emulator.photos;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.Reply;
import app.wauploader.emulator.http.Router;
import app.wauploader.emulator.store.BlobStore;
import app.wauploader.emulator.store.ContentDigest;
import app.wauploader.emulator.store.EmulatorStore;
import app.wauploader.emulator.store.PhotosUploadSession;
import app.wauploader.emulator.store.PhotosUploadStatus;
import app.wauploader.emulator.store.RandomIds;
import app.wauploader.emulator.store.SessionLocks;
import app.wauploader.emulator.store.UploadToken;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Photos Library uploads, {@code POST /v1/uploads}
 * (https://developers.google.com/photos/library/guides/upload-media and
 * https://developers.google.com/photos/library/guides/resumable-uploads):
 *
 * <ul>
 *   <li>raw ({@code X-Goog-Upload-Protocol: raw}): the body is the content; the answer body is the
 *       upload token.
 *   <li>resumable start ({@code X-Goog-Upload-Protocol: resumable}, {@code X-Goog-Upload-Command:
 *       start}, {@code X-Goog-Upload-Raw-Size}): answers {@code X-Goog-Upload-URL}, {@code
 *       X-Goog-Upload-Chunk-Granularity: 262144}, {@code X-Goog-Upload-Status: active}.
 *   <li>{@code POST <upload URL>} with {@code X-Goog-Upload-Command} a comma list of {@code
 *       upload}, {@code finalize}, {@code query}, {@code cancel}; {@code upload} needs {@code
 *       X-Goog-Upload-Offset} equal to the bytes received (else 400). Finalize answers {@code
 *       X-Goog-Upload-Status: final} and the token as body; query answers the status and {@code
 *       X-Goog-Upload-Size-Received}.
 * </ul>
 *
 * A body that breaks off keeps the bytes received, cut down to a multiple of 256 KiB.
 */
public final class PhotosUploadApi {
  private static final String STATUS = "X-Goog-Upload-Status";
  private static final String SIZE_RECEIVED = "X-Goog-Upload-Size-Received";
  private static final String TOKEN_TYPE = "text/plain; charset=UTF-8";
  private static final Set<String> COMMANDS =
      Set.of("start", "upload", "finalize", "query", "cancel");

  private final EmulatorStore store;
  private final Clock clock;
  private final SessionLocks locks = new SessionLocks();
  private final int granularity;

  /** With Google's 256 KiB chunk granularity. */
  public PhotosUploadApi(EmulatorStore store, Clock clock) {
    this(store, clock, EmulatorConfig.DEFAULT_PHOTOS_CHUNK_GRANULARITY);
  }

  /**
   * @param granularity what {@code X-Goog-Upload-Chunk-Granularity} says (bytes, &gt; 0): every
   *     upload request but the finalizing one must carry a multiple of it
   */
  public PhotosUploadApi(EmulatorStore store, Clock clock, int granularity) {
    this.store = store;
    this.clock = clock;
    this.granularity = granularity;
  }

  /** Adds this API's routes to {@code router}. */
  public void register(Router router) {
    router.addContent("POST", "/v1/uploads", ApiRoute.PHOTOS_UPLOAD, query -> true, this::upload);
  }

  /**
   * Forgets an upload (the {@code dropSession} fault): later requests for it get 404. Received
   * bytes of an unfinished upload are deleted.
   */
  public void dropSession(String uploadId) throws IOException {
    if (!RandomIds.isWellFormed(uploadId)) {
      return;
    }
    locks.with(
        uploadId,
        () -> {
          PhotosUploadSession removed =
              store.write(state -> state.photosSessions().remove(uploadId));
          if (removed != null && removed.status() != PhotosUploadStatus.FINAL) {
            store.blobs().delete(uploadId);
          }
          return null;
        });
  }

  private Reply upload(ApiRequest request) throws IOException {
    Set<String> commands = commands(request);
    Optional<String> uploadId = request.param("upload_id");
    if (uploadId.isPresent()) {
      if (commands.isEmpty()) {
        throw ApiError.badRequest(
            "Missing X-Goog-Upload-Command (upload, finalize, query or cancel).");
      }
      String id = uploadId.get();
      if (!RandomIds.isWellFormed(id)) {
        throw unknownUpload(id);
      }
      return locks.with(id, () -> command(request, id, commands));
    }
    String protocol =
        request.header("X-Goog-Upload-Protocol").orElse("raw").toLowerCase(Locale.ROOT);
    return switch (protocol) {
      case "raw" -> raw(request);
      case "resumable" -> {
        if (!commands.contains("start")) {
          throw ApiError.badRequest("A resumable upload starts with X-Goog-Upload-Command: start.");
        }
        yield start(request);
      }
      default ->
          throw ApiError.badRequest(
              "Unknown X-Goog-Upload-Protocol '" + protocol + "': use raw or resumable.");
    };
  }

  private static Set<String> commands(ApiRequest request) {
    Set<String> commands =
        Arrays.stream(request.header("X-Goog-Upload-Command").orElse("").split(","))
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    for (String command : commands) {
      if (!COMMANDS.contains(command)) {
        throw ApiError.badRequest("Unknown X-Goog-Upload-Command '" + command + "'.");
      }
    }
    return commands;
  }

  private static ApiError unknownUpload(String uploadId) {
    return ApiError.of(404, null, "Upload not found or expired: upload_id=" + uploadId + ".");
  }

  private Reply raw(ApiRequest request) throws IOException {
    String blobId = RandomIds.uploadId();
    BlobStore blobs = store.blobs();
    try {
      blobs.append(blobId, 0, request.body(), 0, Long.MAX_VALUE);
    } catch (IOException | RuntimeException e) {
      blobs.delete(blobId);
      throw e;
    }
    if (blobs.length(blobId) == 0) {
      blobs.delete(blobId);
      throw ApiError.badRequest("The upload is empty.");
    }
    String token =
        issueToken(
            blobId,
            request.header("X-Goog-Upload-Content-Type").orElse(null),
            request.header("X-Goog-Upload-File-Name").orElse(null),
            null);
    return Reply.text(200, TOKEN_TYPE, token);
  }

  private Reply start(ApiRequest request) {
    Long rawSize = request.header("X-Goog-Upload-Raw-Size").map(PhotosUploadApi::size).orElse(null);
    String uploadId = RandomIds.uploadId();
    PhotosUploadSession session =
        new PhotosUploadSession(
            uploadId,
            rawSize,
            request.header("X-Goog-Upload-Content-Type").orElse(null),
            request.header("X-Goog-Upload-File-Name").orElse(null),
            clock.instant(),
            PhotosUploadStatus.ACTIVE,
            null);
    store.write(state -> state.photosSessions().put(uploadId, session));
    String url =
        request.baseUri() + "/v1/uploads?upload_id=" + uploadId + "&upload_protocol=resumable";
    return Reply.empty(200)
        .withHeader(STATUS, PhotosUploadStatus.ACTIVE.wireName())
        .withHeader("X-Goog-Upload-URL", url)
        .withHeader("X-Goog-Upload-Chunk-Granularity", Integer.toString(granularity));
  }

  private static long size(String text) {
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw ApiError.badRequest("Invalid X-Goog-Upload-Raw-Size: '" + text + "'.");
  }

  private Reply command(ApiRequest request, String uploadId, Set<String> commands)
      throws IOException {
    PhotosUploadSession session = store.read(state -> state.photosSessions().get(uploadId));
    if (session == null) {
      throw unknownUpload(uploadId);
    }
    BlobStore blobs = store.blobs();
    long stored = blobs.length(uploadId);
    if (commands.contains("query")) {
      Reply reply =
          session
              .token()
              .map(token -> Reply.text(200, TOKEN_TYPE, token))
              .orElseGet(() -> Reply.empty(200));
      return reply
          .withHeader(STATUS, session.status().wireName())
          .withHeader(SIZE_RECEIVED, Long.toString(stored))
          .withHeader("X-Goog-Upload-Chunk-Granularity", Integer.toString(granularity));
    }
    if (commands.contains("cancel")) {
      if (session.status() == PhotosUploadStatus.FINAL) {
        throw rejected(
            session.status(), "The upload was already finalized; it cannot be cancelled.");
      }
      store.write(state -> state.photosSessions().put(uploadId, session.cancelled()));
      blobs.delete(uploadId);
      return Reply.empty(200).withHeader(STATUS, PhotosUploadStatus.CANCELLED.wireName());
    }
    if (session.status() == PhotosUploadStatus.CANCELLED) {
      throw rejected(session.status(), "The upload was cancelled.");
    }
    if (session.status() == PhotosUploadStatus.FINAL) {
      if (commands.contains("finalize") && !commands.contains("upload")) {
        return finalReply(session.uploadToken(), stored);
      }
      throw rejected(session.status(), "The upload was already finalized.");
    }
    Optional<Long> offset = request.header("X-Goog-Upload-Offset").map(PhotosUploadApi::offset);
    if (commands.contains("upload") && offset.isEmpty()) {
      throw rejected(session.status(), "Missing X-Goog-Upload-Offset.");
    }
    if (offset.isPresent() && offset.get() != stored) {
      throw rejected(
              session.status(),
              "X-Goog-Upload-Offset is "
                  + offset.get()
                  + " but "
                  + stored
                  + " bytes were received; query the upload and resume from there.")
          .withHeader(SIZE_RECEIVED, Long.toString(stored));
    }
    if (commands.contains("upload") && !commands.contains("finalize")) {
      checkGranularity(request, session, stored);
    }
    if (commands.contains("upload")) {
      long maxBytes =
          session.declaredSize().isPresent()
              ? session.declaredSize().getAsLong() - stored
              : Long.MAX_VALUE;
      BlobStore.AppendResult result = blobs.append(uploadId, stored, request.body(), 0, maxBytes);
      if (result.overflow()) {
        throw rejected(
            session.status(),
            "The upload is larger than X-Goog-Upload-Raw-Size (" + session.rawSize() + ").");
      }
      stored += result.written();
    } else if (request.body().read() >= 0) {
      throw rejected(
          session.status(), "A request with content needs X-Goog-Upload-Command: upload.");
    }
    if (!commands.contains("finalize")) {
      return Reply.empty(200)
          .withHeader(STATUS, PhotosUploadStatus.ACTIVE.wireName())
          .withHeader(SIZE_RECEIVED, Long.toString(stored));
    }
    if (session.declaredSize().isPresent() && stored != session.declaredSize().getAsLong()) {
      throw rejected(
              session.status(),
              "Finalized with "
                  + stored
                  + " bytes but X-Goog-Upload-Raw-Size was "
                  + session.rawSize()
                  + ".")
          .withHeader(SIZE_RECEIVED, Long.toString(stored));
    }
    if (stored == 0) {
      throw rejected(session.status(), "The upload is empty.");
    }
    String token = issueToken(uploadId, session.contentType(), session.fileName(), session);
    return finalReply(token, stored);
  }

  /**
   * An upload request that does not finalize must carry a multiple of the session's granularity,
   * unless it holds the last bytes of the declared size (a later finalize may come empty): "If the
   * upload is done in multiple chunks, all uploads except the last upload must be done with
   * multiples of this value"
   * (https://developers.google.com/photos/library/guides/resumable-uploads, Step 2). Google's exact
   * answer is not documented; the emulator answers 400 with the session's status and stores nothing
   * (checked on {@code Content-Length}, which every client here sends).
   */
  private void checkGranularity(ApiRequest request, PhotosUploadSession session, long stored) {
    java.util.OptionalLong length = request.contentLength();
    boolean last =
        length.isPresent()
            && session.declaredSize().isPresent()
            && stored + length.getAsLong() == session.declaredSize().getAsLong();
    if (length.isPresent() && !last && length.getAsLong() % granularity != 0) {
      throw rejected(
          session.status(),
          "Every upload request but the last must be a multiple of the chunk granularity "
              + granularity
              + " bytes; this one has "
              + length.getAsLong()
              + ".");
    }
  }

  private static Reply finalReply(String token, long stored) {
    return Reply.text(200, TOKEN_TYPE, token)
        .withHeader(STATUS, PhotosUploadStatus.FINAL.wireName())
        .withHeader(SIZE_RECEIVED, Long.toString(stored));
  }

  private static ApiError rejected(PhotosUploadStatus status, String message) {
    return ApiError.badRequest(message).withHeader(STATUS, status.wireName());
  }

  private static long offset(String text) {
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw ApiError.badRequest("Invalid X-Goog-Upload-Offset: '" + text + "'.");
  }

  /** Records a token for the finished blob; marks {@code session} (if any) final with it. */
  private String issueToken(
      String blobId, String mimeType, String fileName, PhotosUploadSession session)
      throws IOException {
    ContentDigest digest = store.blobs().digest(blobId);
    Optional<ImageDimensions> dimensions = ImageDimensions.read(store.blobs().path(blobId));
    String token = RandomIds.next("CAIS", 100);
    Instant now = clock.instant();
    UploadToken record =
        new UploadToken(
            token,
            blobId,
            mimeType,
            fileName,
            digest.size(),
            digest.sha256(),
            dimensions.map(ImageDimensions::width).orElse(null),
            dimensions.map(ImageDimensions::height).orElse(null),
            now,
            null);
    store.write(
        state -> {
          state.uploadTokens().put(token, record);
          if (session != null) {
            state.photosSessions().put(session.uploadId(), session.finalized(token));
          }
          return null;
        });
    return token;
  }
}
