package app.wauploader.core.check;

import app.wauploader.core.hash.Sha256;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.CommitRequest;
import app.wauploader.core.target.CommitResult;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TargetTraits;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferState;
import app.wauploader.domain.FailureReason;
import java.util.Base64;
import java.util.List;

/**
 * A tiny upload through a real {@link Target}, the same way a backup sends a file (begin, one
 * chunk, commit), into the check album or folder, which the target finds or creates once and the
 * database remembers, so later checks reuse it.
 */
public final class TestUpload {
  /**
   * A valid 1×1 PNG (70 bytes; IHDR, IDAT and IEND with correct CRCs): Photos takes images only and
   * rejects bytes that are not the declared format.
   */
  static final byte[] ONE_PIXEL_PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  private TestUpload() {}

  /**
   * What a test upload left behind.
   *
   * @param remoteId the Photos media item id or Drive file id
   * @param bytes bytes sent
   * @param deleted true if the item was removed again (Drive; Photos cannot delete)
   */
  public record Uploaded(String remoteId, int bytes, boolean deleted) {}

  /** A 1×1 PNG into the Photos album {@code album}. */
  public static Uploaded photo(Target photos, String album, long nowMs)
      throws TargetException, InterruptedException {
    return send(photos, album, "wa-uploader check.png", "image/png", ONE_PIXEL_PNG, nowMs, false);
  }

  /** A few bytes of text into the Drive folder {@code folder}, deleted again afterwards. */
  public static Uploaded text(Target drive, String folder, long nowMs)
      throws TargetException, InterruptedException {
    byte[] text =
        ("wa-uploader check at " + java.time.Instant.ofEpochMilli(nowMs) + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return send(drive, folder, "wa-uploader check.txt", "text/plain", text, nowMs, true);
  }

  private static Uploaded send(
      Target target,
      String container,
      String name,
      String mimeType,
      byte[] bytes,
      long nowMs,
      boolean delete)
      throws TargetException, InterruptedException {
    String sha256 = Sha256.of(bytes, bytes.length);
    String uri =
        target
            .begin(new TransferRequest(container, name, mimeType, bytes.length, sha256, nowMs))
            .uri();
    TransferState state = target.send(uri, 0, bytes, bytes.length, bytes.length);
    if (!(state instanceof TransferState.Complete complete)) {
      throw new TargetException(
          FailureReason.SERVER, "the upload was not confirmed complete (" + state + ")");
    }
    if (complete.remoteSha256().isPresent() && !complete.remoteSha256().get().equals(sha256)) {
      throw new TargetException(
          FailureReason.CHECKSUM_MISMATCH,
          "the service computed another SHA-256 than the bytes sent");
    }
    List<CommitResult> results =
        target.commit(List.of(new CommitRequest(1, complete.receipt(), container, name, sha256)));
    CommitResult result = results.get(0);
    if (result.failure().isPresent()) {
      throw result.failure().get();
    }
    String id = result.remoteId().orElseThrow();
    boolean deleted = false;
    if (delete && target.traits().receipt() == TargetTraits.Receipt.REMOTE_ID) {
      target.discard(id);
      deleted = true;
    }
    return new Uploaded(id, bytes.length, deleted);
  }
}
