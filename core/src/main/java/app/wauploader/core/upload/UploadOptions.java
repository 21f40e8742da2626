package app.wauploader.core.upload;

import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.scan.ScanOptions;
import java.time.Duration;

/**
 * Knobs of one backup run.
 *
 * @param transfers parallel transfers, 1..16
 * @param hashThreads parallel hashing threads, ≥ 1
 * @param chunkBytes bytes per upload request, a positive multiple of 256 KiB
 * @param dryRun plan only: hash and decide, write nothing, send nothing
 * @param uploadTokenLifetime how long a Photos upload token is trusted (Google: about a day)
 */
public record UploadOptions(
    int transfers,
    int hashThreads,
    int chunkBytes,
    ScanOptions scan,
    boolean dryRun,
    RetryPolicy retry,
    Duration uploadTokenLifetime) {
  /** 256 KiB: Google's chunk granularity for resumable uploads. */
  public static final int CHUNK_GRANULARITY = 256 * 1024;

  /** Default chunk: 8 MiB (rclone's choice; Google's client uses 10 MiB). */
  public static final int DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;

  public UploadOptions {
    if (transfers < 1 || transfers > 16) {
      throw new IllegalArgumentException("transfers must be 1..16, was " + transfers);
    }
    if (hashThreads < 1) {
      throw new IllegalArgumentException("hash threads must be >= 1");
    }
    if (chunkBytes <= 0 || chunkBytes % CHUNK_GRANULARITY != 0) {
      throw new IllegalArgumentException("chunk size must be a positive multiple of 256 KiB");
    }
  }

  public static UploadOptions defaults() {
    return new UploadOptions(
        3,
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        DEFAULT_CHUNK_BYTES,
        ScanOptions.defaults(),
        false,
        RetryPolicy.defaults(),
        Duration.ofHours(23));
  }

  public UploadOptions withTransfers(int n) {
    return new UploadOptions(n, hashThreads, chunkBytes, scan, dryRun, retry, uploadTokenLifetime);
  }

  public UploadOptions withChunkBytes(int n) {
    return new UploadOptions(transfers, hashThreads, n, scan, dryRun, retry, uploadTokenLifetime);
  }

  public UploadOptions withScan(ScanOptions s) {
    return new UploadOptions(
        transfers, hashThreads, chunkBytes, s, dryRun, retry, uploadTokenLifetime);
  }

  public UploadOptions withDryRun(boolean d) {
    return new UploadOptions(
        transfers, hashThreads, chunkBytes, scan, d, retry, uploadTokenLifetime);
  }

  public UploadOptions withRetry(RetryPolicy r) {
    return new UploadOptions(
        transfers, hashThreads, chunkBytes, scan, dryRun, r, uploadTokenLifetime);
  }
}
