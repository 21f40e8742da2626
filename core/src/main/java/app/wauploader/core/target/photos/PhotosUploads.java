package app.wauploader.core.target.photos;

import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.retry.Failures;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.RemoteNames;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferSession;
import app.wauploader.core.target.TransferState;
import app.wauploader.domain.FailureReason;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.EmptyContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The bytes half of the Photos Library API: {@code POST /v1/uploads}, raw (one request,
 * https://developers.google.com/photos/library/guides/upload-media#uploading-bytes) or resumable
 * (https://developers.google.com/photos/library/guides/resumable-uploads): start → {@code
 * X-Goog-Upload-URL} and {@code X-Goog-Upload-Chunk-Granularity}; chunks with {@code
 * X-Goog-Upload-Command: upload} (last: {@code upload, finalize}) and {@code X-Goog-Upload-Offset};
 * {@code query} answers {@code X-Goog-Upload-Status} and {@code X-Goog-Upload-Size-Received}. The
 * final answer's body is the upload token (valid about a day).
 */
final class PhotosUploads {
  private final GoogleHttp http;
  private final String root;

  PhotosUploads(GoogleHttp http) {
    this.http = http;
    this.root = http.endpoints().photosRootUrl();
  }

  TransferSession begin(TransferRequest request) throws TargetException {
    try {
      HttpRequest post =
          http.requestFactory()
              .buildPostRequest(new GenericUrl(root + "v1/uploads"), new EmptyContent());
      post.getHeaders()
          .set("X-Goog-Upload-Command", "start")
          .set("X-Goog-Upload-Protocol", "resumable")
          .set("X-Goog-Upload-Raw-Size", Long.toString(request.size()))
          .set("X-Goog-Upload-Content-Type", request.mimeType())
          .set("X-Goog-Upload-File-Name", RemoteNames.headerValue(request.remoteName()));
      HttpResponse response = http.execute(post, "Photos upload start");
      try {
        String uri = header(response, "X-Goog-Upload-URL");
        return new TransferSession(uri, granularity(response));
      } finally {
        GoogleHttp.disconnect(response);
      }
    } catch (IOException e) {
      throw Failures.fromIo(e, "Photos upload start");
    }
  }

  /**
   * The raw upload protocol: the bytes in one {@code POST /v1/uploads} with {@code
   * X-Goog-Upload-Protocol: raw}; the answer's body is the upload token
   * (https://developers.google.com/photos/library/guides/upload-media#uploading-bytes). One request
   * instead of the resumable protocol's two.
   */
  TransferState.Complete sendWhole(TransferRequest request, byte[] content, int length)
      throws TargetException {
    try {
      HttpRequest post =
          http.requestFactory()
              .buildPostRequest(
                  new GenericUrl(root + "v1/uploads"),
                  new ByteArrayContent("application/octet-stream", content, 0, length));
      post.getHeaders()
          .set("X-Goog-Upload-Protocol", "raw")
          .set("X-Goog-Upload-Content-Type", request.mimeType())
          .set("X-Goog-Upload-File-Name", RemoteNames.headerValue(request.remoteName()));
      HttpResponse response = http.execute(post, "Photos upload");
      return complete(GoogleHttp.bodyText(response, "Photos upload"));
    } catch (IOException e) {
      throw Failures.fromIo(e, "Photos upload");
    }
  }

  TransferState query(String transferUri, long size) throws TargetException {
    try {
      HttpRequest post =
          http.requestFactory().buildPostRequest(new GenericUrl(transferUri), new EmptyContent());
      post.getHeaders().set("X-Goog-Upload-Command", "query");
      HttpResponse response = http.execute(post, "Photos upload status", 404, 410);
      if (response.getStatusCode() == 404 || response.getStatusCode() == 410) {
        GoogleHttp.disconnect(response);
        return new TransferState.Expired();
      }
      String status = uploadStatus(response);
      String received =
          response.getHeaders().getFirstHeaderStringValue("X-Goog-Upload-Size-Received");
      String body = GoogleHttp.bodyText(response, "Photos upload status");
      switch (status) {
        case "final":
          // Google's own client takes a final query's body as the token; none means the upload
          // must start again (looping on it would never end).
          return body.trim().isEmpty() ? new TransferState.Expired() : complete(body);
        case "active":
          return new TransferState.Active(received == null ? 0 : Long.parseLong(received.trim()));
        default:
          return new TransferState.Expired();
      }
    } catch (IOException | NumberFormatException e) {
      throw new TargetException(
          FailureReason.SERVER,
          0,
          "Photos upload status unreadable: " + e.getMessage(),
          Optional.empty(),
          e);
    }
  }

  TransferState send(String transferUri, long offset, byte[] chunk, int length, long size)
      throws TargetException {
    boolean last = offset + length >= size;
    try {
      HttpRequest post =
          http.requestFactory()
              .buildPostRequest(
                  new GenericUrl(transferUri),
                  new ByteArrayContent("application/octet-stream", chunk, 0, length));
      post.getHeaders()
          .set("X-Goog-Upload-Command", last ? "upload, finalize" : "upload")
          .set("X-Goog-Upload-Offset", Long.toString(offset));
      HttpResponse response = http.execute(post, "Photos upload", 404, 410);
      if (response.getStatusCode() == 404 || response.getStatusCode() == 410) {
        GoogleHttp.disconnect(response);
        return new TransferState.Expired();
      }
      String status = uploadStatus(response);
      String body = GoogleHttp.bodyText(response, "Photos upload");
      if (last || status.equals("final")) {
        return complete(body);
      }
      return new TransferState.Active(offset + length);
    } catch (IOException e) {
      throw Failures.fromIo(e, "Photos upload");
    }
  }

  private static String uploadStatus(HttpResponse response) {
    String status = response.getHeaders().getFirstHeaderStringValue("X-Goog-Upload-Status");
    return status == null ? "active" : status.trim().toLowerCase(Locale.ROOT);
  }

  private static TransferState.Complete complete(String token) throws TargetException {
    String trimmed = token.trim();
    if (trimmed.isEmpty()) {
      throw new TargetException(FailureReason.SERVER, "Photos upload: final answer without token");
    }
    return new TransferState.Complete(trimmed, Optional.empty());
  }

  /** A header the answer must have; a server failure without it. */
  private static String header(HttpResponse response, String name) throws TargetException {
    String value = response.getHeaders().getFirstHeaderStringValue(name);
    if (value == null || value.isEmpty()) {
      throw new TargetException(
          FailureReason.SERVER, "Photos upload start: no " + name + " in the answer");
    }
    return value;
  }

  /**
   * The session's {@code X-Goog-Upload-Chunk-Granularity}: every chunk but the last must be a
   * multiple of it (https://developers.google.com/photos/library/guides/resumable-uploads, "Step
   * 2"). Google always sends it; without one (or a nonsense one) the documented 256 KiB of Google's
   * resumable uploads is used.
   */
  private static int granularity(HttpResponse response) {
    String value =
        response.getHeaders().getFirstHeaderStringValue("X-Goog-Upload-Chunk-Granularity");
    try {
      long parsed = value == null ? 0 : Long.parseLong(value.trim());
      return parsed > 0 && parsed <= MAX_GRANULARITY
          ? (int) parsed
          : PhotosTarget.TRAITS.chunkGranularity();
    } catch (NumberFormatException e) {
      return PhotosTarget.TRAITS.chunkGranularity();
    }
  }

  /** The largest granularity taken as meant (64 MiB): anything above would not fit a buffer. */
  private static final long MAX_GRANULARITY = 64L * 1024 * 1024;
}
