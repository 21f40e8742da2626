package app.wauploader.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.core.retry.TargetException;
import app.wauploader.domain.Service;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Target} keeps, run against the in-memory fake and, through the
 * emulator, against the Drive and Photos targets with the real Google client libraries.
 */
public abstract class TargetContractTest {
  static final int CHUNK = 256 * 1024;

  /** A fresh target for one test. */
  protected abstract Target target() throws Exception;

  /** The container name a file of this target goes to. */
  protected abstract String container();

  /** The SHA-256 of the stored item with {@code remoteId}, as the service holds it. */
  protected abstract String storedSha256(Target target, String remoteId) throws Exception;

  @Test
  void aMultiChunkTransferCompletesAndCommitsToTheSameBytes() throws Exception {
    Target target = target();
    byte[] content = random(CHUNK * 2 + 1234, 1);
    String sha = sha256(content);
    String uri = target.begin(request("IMG-1.jpg", content, sha)).uri();
    assertThat(target.query(uri, content.length)).isEqualTo(new TransferState.Active(0));

    TransferState state = target.send(uri, 0, content, CHUNK, content.length);
    assertThat(state).isEqualTo(new TransferState.Active(CHUNK));
    state = target.send(uri, CHUNK, slice(content, CHUNK, CHUNK), CHUNK, content.length);
    assertThat(state).isEqualTo(new TransferState.Active(2L * CHUNK));
    assertThat(target.query(uri, content.length)).isEqualTo(new TransferState.Active(2L * CHUNK));
    state = target.send(uri, 2L * CHUNK, slice(content, 2 * CHUNK, 1234), 1234, content.length);
    assertThat(state).isInstanceOf(TransferState.Complete.class);
    TransferState.Complete complete = (TransferState.Complete) state;
    complete.remoteSha256().ifPresent(remote -> assertThat(remote).isEqualTo(sha));
    assertThat(target.query(uri, content.length)).isInstanceOf(TransferState.Complete.class);

    List<CommitResult> results =
        target.commit(
            List.of(new CommitRequest(7, complete.receipt(), container(), "IMG-1.jpg", sha)));
    assertThat(results).hasSize(1);
    assertThat(results.get(0).key()).isEqualTo(7);
    assertThat(results.get(0).remoteId()).isPresent();
    assertThat(storedSha256(target, results.get(0).remoteId().get())).isEqualTo(sha);
  }

  @Test
  void aTransferCanBeResumedByItsUriAlone() throws Exception {
    Target first = target();
    byte[] content = random(CHUNK * 3, 2);
    String sha = sha256(content);
    String uri = first.begin(request("IMG-2.jpg", content, sha)).uri();
    first.send(uri, 0, content, CHUNK, content.length);

    Target resumed = first; // same service; a new process only has the URI
    TransferState state = resumed.query(uri, content.length);
    assertThat(state).isEqualTo(new TransferState.Active(CHUNK));
    long offset = ((TransferState.Active) state).acknowledgedOffset();
    state =
        resumed.send(
            uri,
            offset,
            slice(content, (int) offset, content.length - (int) offset),
            content.length - (int) offset,
            content.length);
    assertThat(state).isInstanceOf(TransferState.Complete.class);
  }

  @Test
  void aBatchIsJudgedItemByItem() throws Exception {
    Target target = target();
    byte[] a = random(1000, 3);
    byte[] b = random(2000, 4);
    String receiptA = upload(target, "IMG-a.jpg", a);
    String receiptB = upload(target, "IMG-b.jpg", b);
    List<CommitResult> results =
        target.commit(
            List.of(
                new CommitRequest(1, receiptA, container(), "IMG-a.jpg", sha256(a)),
                new CommitRequest(2, receiptB, container(), "IMG-b.jpg", sha256(b))));
    assertThat(results).extracting(CommitResult::key).containsExactly(1L, 2L);
    assertThat(results).allMatch(r -> r.remoteId().isPresent());
    assertThat(results.get(0).remoteId()).isNotEqualTo(results.get(1).remoteId());
  }

  @Test
  void aFileThatFitsOneRequestIsSentWholeAndCommitsToTheSameBytes() throws Exception {
    Target target = target();
    if (!target.traits().sendsWholeFiles()) {
      return;
    }
    byte[] content = random(5000, 6);
    String sha = sha256(content);
    TransferState.Complete done =
        target.sendWhole(request("IMG-whole.jpg", content, sha), content, content.length);
    done.remoteSha256().ifPresent(remote -> assertThat(remote).isEqualTo(sha));
    List<CommitResult> results =
        target.commit(
            List.of(new CommitRequest(9, done.receipt(), container(), "IMG-whole.jpg", sha)));
    assertThat(results.get(0).remoteId()).isPresent();
    assertThat(storedSha256(target, results.get(0).remoteId().get())).isEqualTo(sha);
  }

  @Test
  void aStoredItemIsConfirmedByItsIdAndAnUnknownIdIsGone() throws Exception {
    Target target = target();
    byte[] content = random(4000, 13);
    String sha = sha256(content);
    String receipt = upload(target, "IMG-confirmed.jpg", content);
    String id =
        target
            .commit(List.of(new CommitRequest(1, receipt, container(), "IMG-confirmed.jpg", sha)))
            .get(0)
            .remoteId()
            .orElseThrow();
    StoredItem stored = target.stored(id).orElseThrow();
    assertThat(stored.id()).isEqualTo(id);
    stored.sha256().ifPresent(remote -> assertThat(remote).isEqualTo(sha));
    assertThat(target.stored("no-such-item-" + id)).isEmpty();
  }

  @Test
  void aStoredItemIsFiledInASecondContainerWithoutItsBytesAndAgainHarmlessly() throws Exception {
    Target target = target();
    byte[] content = random(3000, 7);
    String sha = sha256(content);
    String receipt = upload(target, "IMG-linked.jpg", content);
    String id =
        target
            .commit(List.of(new CommitRequest(1, receipt, container(), "IMG-linked.jpg", sha)))
            .get(0)
            .remoteId()
            .orElseThrow();
    String second = container() + " 2";
    LinkRequest link = new LinkRequest(4, id, "IMG-linked.jpg", sha);
    List<CommitResult> first = target.link(second, List.of(link));
    List<CommitResult> again = target.link(second, List.of(link));
    assertThat(first).hasSize(1).allMatch(r -> r.key() == 4 && r.remoteId().isPresent());
    assertThat(again.get(0).remoteId())
        .as("filing twice is harmless")
        .isEqualTo(first.get(0).remoteId());
    assertThat(storedSha256(target, id)).isEqualTo(sha);
  }

  @Test
  void anUnknownTransferIsExpiredNotAnError() throws Exception {
    Target target = target();
    byte[] content = random(1000, 5);
    String uri = target.begin(request("x.jpg", content, sha256(content))).uri();
    String unknown =
        uri.contains("upload_id=")
            ? uri.replaceAll("upload_id=[^&]+", "upload_id=doesnotexist123")
            : uri.replaceAll("[^/]+$", "doesnotexist123");
    assertThat(unknown).isNotEqualTo(uri);
    assertThat(target.query(unknown, 1000)).isInstanceOf(TransferState.Expired.class);
  }

  @Test
  void itNamesItsService() throws Exception {
    assertThat(target().service()).isIn(Service.DRIVE, Service.PHOTOS);
    assertThat(target().traits().maxCommitBatch()).isBetween(1, 50);
    assertThat(target().traits().chunkGranularity()).isEqualTo(CHUNK);
  }

  protected String upload(Target target, String name, byte[] content) throws Exception {
    String uri = target.begin(request(name, content, sha256(content))).uri();
    TransferState state = target.send(uri, 0, content, content.length, content.length);
    assertThat(state).isInstanceOf(TransferState.Complete.class);
    return ((TransferState.Complete) state).receipt();
  }

  protected TransferRequest request(String name, byte[] content, String sha) {
    String mime = name.endsWith(".mp4") ? "video/mp4" : "image/jpeg";
    return new TransferRequest(container(), name, mime, content.length, sha, 1_700_000_000_000L);
  }

  /**
   * {@code size} random bytes behind a JPEG signature (SOI + APP0 "JFIF"): Photos refuses bytes
   * that are no photo or video it reads, so the content must at least begin like a JPEG.
   */
  static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    byte[] jpeg = {
      (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1
    };
    System.arraycopy(jpeg, 0, bytes, 0, Math.min(jpeg.length, size));
    return bytes;
  }

  static byte[] slice(byte[] bytes, int from, int length) {
    byte[] out = new byte[bytes.length];
    System.arraycopy(bytes, from, out, 0, length);
    return out;
  }

  public static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  /** Exposed for subclasses asserting failures. */
  protected static void assertFails(ThrowingCall call) {
    assertThatThrownBy(call::run).isInstanceOf(TargetException.class);
  }

  /** A call expected to throw. */
  @FunctionalInterface
  protected interface ThrowingCall {
    void run() throws Exception;
  }
}
