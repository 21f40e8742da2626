package app.wauploader.core.target;

import app.wauploader.core.retry.TargetException;
import app.wauploader.domain.Service;
import java.util.List;
import java.util.Optional;

/**
 * A place bytes go: Google Drive, Google Photos, or the in-memory fake. Every implementation passes
 * the same contract test suite ({@code TargetContractTest}).
 *
 * <p>A transfer is resumable across processes: everything needed to continue it is the string
 * returned by {@link #begin} (the resumable session URI or upload URL), which the caller persists,
 * plus the local file. Methods throw {@link TargetException} classified once by the target; they
 * never retry themselves — retries belong to the one {@code RetryPolicy}. Implementations are
 * thread-safe.
 */
public interface Target {
  /** Which service this target feeds. */
  Service service();

  /** What this target is like (commit mode, receipts, names, lookups, chunk granularity). */
  TargetTraits traits();

  /**
   * Opens a resumable transfer. Creates the container (folder or album) if this is its first use;
   * creates no remote item yet. May be called again after a failure: an abandoned transfer is
   * harmless.
   *
   * @return the transfer's URI (Drive resumable session URI / Photos upload URL), to persist, and
   *     the chunk granularity its server asks for
   */
  TransferSession begin(TransferRequest request) throws TargetException, InterruptedException;

  /**
   * Asks the server how much of the transfer it holds. Never assumes what was sent arrived.
   *
   * @param transferUri from {@link #begin}
   * @param size total bytes of the file
   */
  TransferState query(String transferUri, long size) throws TargetException, InterruptedException;

  /**
   * Sends {@code length} bytes of {@code chunk} as bytes {@code offset .. offset+length-1} of the
   * file. Every chunk but the last has a length that is a multiple of the transfer's {@link
   * TransferSession#chunkGranularity()}; the chunk reaching {@code size} finishes the transfer.
   *
   * @return the server's new state: {@link TransferState.Active} with the offset it holds (which
   *     may be less than {@code offset + length}), or {@link TransferState.Complete}
   */
  TransferState send(String transferUri, long offset, byte[] chunk, int length, long size)
      throws TargetException, InterruptedException;

  /**
   * Sends a whole file (one that fits one chunk) in one request, when {@link
   * TargetTraits#sendsWholeFiles()}: not resumable, a failure sends it again. Creates the container
   * on first use, like {@link #begin}.
   *
   * @param content the file's bytes {@code [0, length)}; {@code length == request.size()}
   * @return the finished transfer: its receipt (Drive file id, Photos upload token) and the
   *     checksum the service reports, if any
   */
  default TransferState.Complete sendWhole(TransferRequest request, byte[] content, int length)
      throws TargetException, InterruptedException {
    throw new UnsupportedOperationException(service() + " sends no file in one request");
  }

  /**
   * Turns finished transfers into remote items, judging each by its own result. At most {@link
   * TargetTraits#maxCommitBatch()} requests per call; all must share one container.
   *
   * @return one result per request, in order
   * @throws TargetException when the whole call failed (no item was judged)
   */
  List<CommitResult> commit(List<CommitRequest> requests)
      throws TargetException, InterruptedException;

  /**
   * Files items this app already stored in container {@code container} as well (a second chat's
   * album or folder), creating the container on first use; sends no content. Photos adds the media
   * items to the album, Drive makes one shortcut per file in the folder. Doing it again for an item
   * already filed there is harmless. At most {@link TargetTraits#maxCommitBatch()} requests.
   *
   * @return one result per request, in order; a result's id is the entry in {@code container}
   *     (Photos: the media item itself; Drive: the shortcut's file id)
   * @throws TargetException when the whole call failed
   */
  List<CommitResult> link(String container, List<LinkRequest> requests)
      throws TargetException, InterruptedException;

  /**
   * An item this app already stored with content {@code sha256}, found on the service itself (so a
   * lost or restored local database does not mean uploading it again). Optional capability:
   * services that cannot search by content answer empty.
   *
   * @return the remote id (Drive file id)
   */
  default Optional<String> findExisting(String sha256)
      throws TargetException, InterruptedException {
    return Optional.empty();
  }

  /**
   * Asks the service now whether item {@code remoteId} this app stored is still there (before a
   * local copy is deleted by {@code free-up}).
   *
   * @return the item, with the SHA-256 the service reports if it reports one; empty when it is gone
   *     (deleted, or in Drive's trash)
   * @throws TargetException when the service cannot be asked (network, sign-in, quota)
   */
  Optional<StoredItem> stored(String remoteId) throws TargetException, InterruptedException;

  /**
   * Removes a finished upload that must not stay (its checksum did not match the local file).
   * Optional capability: services that cannot delete (Photos) do nothing.
   *
   * @param receipt from {@link TransferState.Complete#receipt()}
   */
  default void discard(String receipt) throws TargetException, InterruptedException {}
}
