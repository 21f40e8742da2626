package app.wauploader.core.target.drive;

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
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.Service;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.EmptyContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.json.JsonHttpContent;
import com.google.api.client.json.GenericJson;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Drive: folders and metadata through the Drive v3 client library, bytes through our own
 * resumable-upload code on google-http-client, because the library's {@code MediaHttpUploader}
 * cannot resume a session URI from an earlier process (google-api-java-client issue #995).
 *
 * <p>Protocol (https://developers.google.com/workspace/drive/api/guides/manage-uploads#resumable):
 * initiate with {@code POST /upload/drive/v3/files?uploadType=resumable} and JSON metadata → 200
 * with the session URI in {@code Location}; send chunks with {@code PUT} + {@code Content-Range:
 * bytes FIRST-LAST/TOTAL} (every chunk but the last a multiple of 256 KiB) → 308 with {@code Range:
 * bytes=0-N} while incomplete, 200/201 with the File when done; query with an empty {@code PUT} and
 * {@code Content-Range: bytes *}{@code /TOTAL}; 404 means the session expired (sessions live about
 * a week). The content's SHA-256 is stored in {@code appProperties} (private to this app, key+value
 * ≤ 124 bytes) so a lost local index can be rebuilt from Drive, and the {@code sha256Checksum}
 * Drive computes is compared with ours.
 */
public final class DriveTarget implements Target {
  /** Drive folder MIME type. */
  public static final String FOLDER_MIME_TYPE = "application/vnd.google-apps.folder";

  /** appProperties key holding the content SHA-256 (64 lowercase hex). */
  public static final String SHA256_PROPERTY = "sha256";

  static final String FILE_FIELDS = "id,name,size,md5Checksum,sha256Checksum";
  private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");

  private final GoogleHttp http;
  private final Drive drive;
  private final ContainerIds containers;
  private final DriveFiles files;

  /** Folder path → id, checked to exist (not trashed) in this run: no further lookups. */
  private final java.util.Map<String, String> verified = new java.util.HashMap<>();

  public DriveTarget(GoogleHttp http, ContainerIds containers) {
    this.http = http;
    this.containers = containers;
    this.drive =
        new Drive.Builder(http.transport(), GoogleHttp.json(), http.clientInitializer())
            .setRootUrl(http.endpoints().driveRootUrl())
            .setApplicationName("wa-uploader")
            .build();
    this.files = new DriveFiles(drive);
  }

  @Override
  public Service service() {
    return Service.DRIVE;
  }

  @Override
  public TransferSession begin(TransferRequest request)
      throws TargetException, InterruptedException {
    try {
      return new TransferSession(
          initiate(request, folderId(request.container())), TRAITS.chunkGranularity());
    } catch (TargetException e) {
      if (e.httpStatus() != 404) {
        throw e;
      }
      // The remembered folder is gone (deleted by the user): find or create it again, once.
      forgetFolders(request.container());
      return new TransferSession(
          initiate(request, folderId(request.container())), TRAITS.chunkGranularity());
    }
  }

  /**
   * Drive's multipart upload (metadata and bytes in one {@code uploadType=multipart} request,
   * https://developers.google.com/workspace/drive/api/guides/manage-uploads#multipart), through the
   * client library with direct upload; a gone folder is found or made again, once.
   */
  @Override
  public TransferState.Complete sendWhole(TransferRequest request, byte[] content, int length)
      throws TargetException, InterruptedException {
    try {
      return files.createWhole(request, folderId(request.container()), content, length);
    } catch (TargetException e) {
      if (e.httpStatus() != 404) {
        throw e;
      }
      forgetFolders(request.container());
      return files.createWhole(request, folderId(request.container()), content, length);
    }
  }

  private String initiate(TransferRequest request, String folderId) throws TargetException {
    GenericJson metadata = new GenericJson();
    metadata.set("name", request.remoteName());
    metadata.set("parents", List.of(folderId));
    metadata.set("mimeType", request.mimeType());
    DriveFiles.times(request, metadata);
    metadata.set("appProperties", Map.of(SHA256_PROPERTY, request.sha256()));
    try {
      HttpRequest post =
          http.requestFactory()
              .buildPostRequest(
                  new GenericUrl(
                      http.endpoints().driveResumableUploadUrl() + "&fields=" + FILE_FIELDS),
                  new JsonHttpContent(GoogleHttp.json(), metadata));
      post.getHeaders().set("X-Upload-Content-Type", request.mimeType());
      post.getHeaders().set("X-Upload-Content-Length", Long.toString(request.size()));
      return http.requiredHeader(post, "Location", "Drive upload start");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive upload start");
    }
  }

  @Override
  public TransferState query(String transferUri, long size) throws TargetException {
    try {
      HttpRequest put =
          http.requestFactory().buildPutRequest(new GenericUrl(transferUri), new EmptyContent());
      put.getHeaders().setContentRange("bytes */" + size);
      return answer(http.execute(put, "Drive upload status", 308, 404, 410));
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive upload status");
    }
  }

  @Override
  public TransferState send(String transferUri, long offset, byte[] chunk, int length, long size)
      throws TargetException {
    try {
      HttpRequest put =
          http.requestFactory()
              .buildPutRequest(
                  new GenericUrl(transferUri), new ByteArrayContent(null, chunk, 0, length));
      put.getHeaders()
          .setContentRange("bytes " + offset + "-" + (offset + length - 1) + "/" + size);
      return answer(http.execute(put, "Drive upload", 308, 404, 410));
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive upload");
    }
  }

  private static TransferState answer(HttpResponse response) throws TargetException {
    int status = response.getStatusCode();
    if (status == 308) {
      String range = response.getHeaders().getRange();
      GoogleHttp.disconnect(response);
      if (range == null) {
        return new TransferState.Active(0);
      }
      Matcher m = RANGE.matcher(range);
      if (!m.find()) {
        throw new TargetException(
            FailureReason.SERVER, "Drive upload: unreadable Range header '" + range + "'");
      }
      return new TransferState.Active(Long.parseLong(m.group(1)) + 1);
    }
    if (status == 404 || status == 410) {
      GoogleHttp.disconnect(response);
      return new TransferState.Expired();
    }
    File file;
    try {
      file = response.parseAs(File.class);
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive upload (reading the created file)");
    } finally {
      GoogleHttp.disconnect(response);
    }
    if (file.getId() == null) {
      throw new TargetException(FailureReason.SERVER, "Drive upload: answer without a file id");
    }
    return new TransferState.Complete(file.getId(), Optional.ofNullable(file.getSha256Checksum()));
  }

  /** Deletes an uploaded file (drive.file scope allows it for files this app created). */
  @Override
  public void discard(String fileId) throws TargetException {
    try {
      drive.files().delete(fileId).execute();
    } catch (GoogleJsonResponseException e) {
      if (e.getStatusCode() != 404) {
        throw DriveFiles.classify(e, "Drive delete");
      }
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive delete");
    }
  }

  /** Drive creates the file with the last chunk: committing only reports its id. */
  @Override
  public List<CommitResult> commit(List<CommitRequest> requests) {
    List<CommitResult> results = new ArrayList<>(requests.size());
    for (CommitRequest request : requests) {
      results.add(CommitResult.success(request.key(), request.receipt()));
    }
    return results;
  }

  /**
   * Drive creates the file with the last chunk (commit at once, the receipt is the file id), allows
   * two files of one name in a folder (so we keep names unique), finds our files by {@code
   * appProperties.sha256}, and reports {@code sha256Checksum}.
   */
  @Override
  public TargetTraits traits() {
    return TRAITS;
  }

  /** See {@link #traits()}. */
  public static final TargetTraits TRAITS =
      new TargetTraits(
          TargetTraits.Commit.AT_ONCE,
          50,
          TargetTraits.Receipt.REMOTE_ID,
          java.time.Duration.ZERO,
          true,
          true,
          true,
          256 * 1024,
          1,
          true);

  /**
   * The id of the folder at {@code path} ({@code a/b/c} under My Drive), creating missing folders
   * once: the id is remembered in the database, and before creating a folder an existing one of
   * that name (created by this app earlier, e.g. before the local database was lost) is looked up
   * and reused.
   */
  synchronized String folderId(String path) throws TargetException, InterruptedException {
    String checked = verified.get(path);
    if (checked != null) {
      return checked;
    }
    Optional<String> known = containers.find(Service.DRIVE, path);
    if (known.isPresent() && stillThere(known.get())) {
      verified.put(path, known.get());
      return known.get();
    }
    int slash = path.lastIndexOf('/');
    String parentId = slash < 0 ? "root" : folderId(path.substring(0, slash));
    String name = path.substring(slash + 1);
    String id =
        containers.findOrCreate(
            Service.DRIVE,
            path,
            known.orElse(null),
            () -> {
              Optional<String> found = findFolder(parentId, name);
              return found.isPresent() ? found.get() : createFolder(parentId, name);
            });
    verified.put(path, id);
    return id;
  }

  /** True if the folder exists and is not in the trash (checked once per folder and run). */
  private boolean stillThere(String folderId) throws TargetException {
    try {
      File folder = drive.files().get(folderId).setFields("id,trashed").execute();
      return !Boolean.TRUE.equals(folder.getTrashed());
    } catch (GoogleJsonResponseException e) {
      if (e.getStatusCode() == 404) {
        return false;
      }
      throw DriveFiles.classify(e, "Drive folder check");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive folder check");
    }
  }

  private synchronized void forgetFolders(String path) {
    for (String p = path;
        !p.isEmpty();
        p = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "") {
      containers.forget(Service.DRIVE, p);
      verified.remove(p);
    }
  }

  private Optional<String> findFolder(String parentId, String name) throws TargetException {
    String q =
        "name = '"
            + DriveFiles.escape(name)
            + "' and '"
            + DriveFiles.escape(parentId)
            + "' in parents and mimeType = '"
            + FOLDER_MIME_TYPE
            + "' and trashed = false";
    try {
      FileList list =
          drive.files().list().setQ(q).setSpaces("drive").setFields("files(id,name)").execute();
      return list.getFiles() == null || list.getFiles().isEmpty()
          ? Optional.empty()
          : Optional.of(list.getFiles().get(0).getId());
    } catch (GoogleJsonResponseException e) {
      throw DriveFiles.classify(e, "Drive folder lookup");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive folder lookup");
    }
  }

  private String createFolder(String parentId, String name) throws TargetException {
    File folder =
        new File().setName(name).setMimeType(FOLDER_MIME_TYPE).setParents(List.of(parentId));
    try {
      return drive.files().create(folder).setFields("id").execute().getId();
    } catch (GoogleJsonResponseException e) {
      throw DriveFiles.classify(e, "Drive folder create");
    } catch (IOException e) {
      throw Failures.fromIo(e, "Drive folder create");
    }
  }

  /**
   * Finds a file this app uploaded with content {@code sha256} (by its appProperties), e.g. to
   * rebuild a lost local index.
   *
   * @return the Drive file id
   */
  @Override
  public Optional<String> findExisting(String sha256) throws TargetException {
    return files.findBySha256(sha256);
  }

  /** {@code files.get} of the file (see {@link DriveFiles#stored}). */
  @Override
  public Optional<app.wauploader.core.target.StoredItem> stored(String remoteId)
      throws TargetException {
    return files.stored(remoteId);
  }

  /** See {@link DriveFiles#findBySha256}. */
  public Optional<String> findBySha256(String sha256) throws TargetException {
    return files.findBySha256(sha256);
  }

  /**
   * Files stored files in one more folder as shortcuts ({@link DriveFiles#shortcut}), one call
   * each; the folder is found or made as for uploads.
   */
  @Override
  public List<CommitResult> link(String container, List<LinkRequest> requests)
      throws TargetException, InterruptedException {
    String folder = folderId(container);
    List<CommitResult> results = new ArrayList<>(requests.size());
    for (LinkRequest r : requests) {
      results.add(CommitResult.success(r.key(), files.shortcut(folder, r)));
    }
    return results;
  }
}
