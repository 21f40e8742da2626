package app.wauploader.core.target;

import java.time.Duration;

/**
 * What a target is like, so the pipeline reads traits instead of branching on the service.
 *
 * @param commit when a finished transfer becomes a remote item: at once (Drive creates the file
 *     with the last chunk) or in batches (Photos {@code mediaItems:batchCreate})
 * @param maxCommitBatch most requests per {@link Target#commit} call (Photos: 50,
 *     https://developers.google.com/photos/library/guides/upload-media#creating-media-item), ≥ 1
 * @param receipt what a finished transfer hands to the commit
 * @param receiptLifetime how long a {@link Receipt#UPLOAD_TOKEN} is trusted (Photos upload tokens
 *     are valid about a day; we trust them 23 h); {@link Duration#ZERO} when receipts do not expire
 * @param uniqueNames true if the pipeline must keep remote names unique within a container (Drive
 *     allows two files of one name in a folder, which users then clean up by hand)
 * @param findsByContent true if {@link Target#findExisting} can find content this app stored before
 *     (Drive {@code appProperties.sha256}); Photos cannot be searched by content
 * @param verifiesChecksum true if a completed transfer reports the SHA-256 the service computed
 *     (Drive {@code sha256Checksum})
 * @param chunkGranularity every chunk but the last is a multiple of this (bytes): 256 KiB for
 *     Google's resumable uploads
 * @param maxLinkBatch most requests per {@link Target#link} call (Photos batchAddMediaItems: 50,
 *     https://developers.google.com/photos/library/reference/rest/v1/albums/batchAddMediaItems;
 *     Drive: 1, a shortcut is one call), ≥ 1
 * @param sendsWholeFiles true if {@link Target#sendWhole} sends a file in one request (Photos' raw
 *     upload protocol, Drive's multipart upload): a file that fits one chunk then costs one request
 *     instead of two (every Photos request counts against its 10,000 a day)
 */
public record TargetTraits(
    Commit commit,
    int maxCommitBatch,
    Receipt receipt,
    Duration receiptLifetime,
    boolean uniqueNames,
    boolean findsByContent,
    boolean verifiesChecksum,
    int chunkGranularity,
    int maxLinkBatch,
    boolean sendsWholeFiles) {

  /** When finished transfers are committed. */
  public enum Commit {
    /** As soon as the transfer completes, one by one. */
    AT_ONCE,
    /** Queued per container, in batches of at most {@link #maxCommitBatch}. */
    BATCHED
  }

  /** What a finished transfer yields. */
  public enum Receipt {
    /** The remote item's id: it exists already (Drive file id). */
    REMOTE_ID,
    /** A token the commit turns into an item, valid for {@link #receiptLifetime} (Photos). */
    UPLOAD_TOKEN
  }

  public TargetTraits {
    if (maxCommitBatch < 1 || chunkGranularity < 1 || maxLinkBatch < 1) {
      throw new IllegalArgumentException("batches and granularity must be >= 1");
    }
  }

  /** True if the receipt must be stored and committed later (it is not yet a remote item). */
  public boolean receiptNeedsCommit() {
    return receipt == Receipt.UPLOAD_TOKEN;
  }
}
