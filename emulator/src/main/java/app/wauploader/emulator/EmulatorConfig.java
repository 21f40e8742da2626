package app.wauploader.emulator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a {@link GoogleEmulator}.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param dataDir directory for {@code state.json} and uploaded bytes; created if missing; one
 *     emulator at a time
 * @param bandwidthBytesPerSecond cap on reading upload bodies, all uploads together, bytes per
 *     second; 0 = unlimited
 * @param requireAuth when true, Drive and Photos routes need {@code Authorization: Bearer <valid
 *     access token>} issued by the emulator's OAuth endpoints (else 401)
 * @param tokenTtlSeconds lifetime of issued access tokens, seconds (at least 1; Google uses 3600)
 * @param faultsFile JSON array of fault rules loaded at start; null for none
 * @param albumCapacity most media items a Photos album holds (at least 1; Google: 20,000,
 *     https://developers.google.com/photos/library/guides/manage-albums#adding-items-to-album)
 * @param photosStorageBytes the Google account's free storage for Photos, bytes: a batchCreate
 *     whose items would take the stored media items past it fails as a whole with Google's "storage
 *     full" 400; 0 = unlimited
 * @param resumableSessionTtlSeconds how long a Drive resumable session can be used after it was
 *     started, seconds (at least 1; Google: about a week,
 *     https://developers.google.com/workspace/drive/api/guides/manage-uploads#resumable); later
 *     requests for it get 404
 * @param checkMediaContent when true (the default), batchCreate rejects (per item, code 3) bytes
 *     that are not a photo or video format Google Photos accepts, or not the kind declared; false
 *     accepts any bytes of a photo or video type (for tests that send placeholder bytes)
 * @param photosChunkGranularity what a Photos resumable upload asks in {@code
 *     X-Goog-Upload-Chunk-Granularity}: every chunk but the last must be a multiple of it (else
 *     400, nothing stored), https://developers.google.com/photos/library/guides/resumable-uploads
 *     (Step 2); a multiple of 256 KiB, default 256 KiB
 */
public record EmulatorConfig(
    int port,
    Path dataDir,
    long bandwidthBytesPerSecond,
    boolean requireAuth,
    long tokenTtlSeconds,
    Path faultsFile,
    int albumCapacity,
    long photosStorageBytes,
    long resumableSessionTtlSeconds,
    boolean checkMediaContent,
    int photosChunkGranularity) {

  /** Default access token lifetime, as Google's (seconds). */
  public static final long DEFAULT_TOKEN_TTL_SECONDS = 3600;

  /** Google's album limit, items. */
  public static final int DEFAULT_ALBUM_CAPACITY = 20_000;

  /** Google's Photos chunk granularity as observed: 256 KiB, bytes. */
  public static final int DEFAULT_PHOTOS_CHUNK_GRANULARITY = 256 * 1024;

  /** Default Drive resumable session lifetime: one week, seconds. */
  public static final long DEFAULT_RESUMABLE_SESSION_TTL_SECONDS = 7L * 24 * 3600;

  /** The first six settings; the rest at their defaults. */
  public EmulatorConfig(
      int port,
      Path dataDir,
      long bandwidthBytesPerSecond,
      boolean requireAuth,
      long tokenTtlSeconds,
      Path faultsFile) {
    this(
        port,
        dataDir,
        bandwidthBytesPerSecond,
        requireAuth,
        tokenTtlSeconds,
        faultsFile,
        DEFAULT_ALBUM_CAPACITY,
        0,
        DEFAULT_RESUMABLE_SESSION_TTL_SECONDS,
        true,
        DEFAULT_PHOTOS_CHUNK_GRANULARITY);
  }

  /**
   * @throws IllegalArgumentException for an out-of-range value
   */
  public EmulatorConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (bandwidthBytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "bandwidth must be >= 0 bytes/s, got " + bandwidthBytesPerSecond);
    }
    if (tokenTtlSeconds < 1) {
      throw new IllegalArgumentException("token TTL must be >= 1 s, got " + tokenTtlSeconds);
    }
    if (albumCapacity < 1) {
      throw new IllegalArgumentException("album capacity must be >= 1, got " + albumCapacity);
    }
    if (photosStorageBytes < 0) {
      throw new IllegalArgumentException(
          "Photos storage must be >= 0 bytes, got " + photosStorageBytes);
    }
    if (photosChunkGranularity < 1 || photosChunkGranularity % (256 * 1024) != 0) {
      throw new IllegalArgumentException(
          "Photos chunk granularity must be a positive multiple of 262144, got "
              + photosChunkGranularity);
    }
    if (resumableSessionTtlSeconds < 1) {
      throw new IllegalArgumentException(
          "resumable session TTL must be >= 1 s, got " + resumableSessionTtlSeconds);
    }
  }

  /**
   * Random port, unlimited bandwidth, no auth, 3600 s tokens, no faults, 20,000-item albums,
   * unlimited Photos storage, one-week resumable sessions, media content checked.
   */
  public static EmulatorConfig defaults(Path dataDir) {
    return new EmulatorConfig(0, dataDir, 0, false, DEFAULT_TOKEN_TTL_SECONDS, null);
  }

  public EmulatorConfig withPort(int newPort) {
    Builder b = new Builder(this);
    b.port = newPort;
    return b.build();
  }

  public EmulatorConfig withBandwidth(long bytesPerSecond) {
    Builder b = new Builder(this);
    b.bandwidthBytesPerSecond = bytesPerSecond;
    return b.build();
  }

  public EmulatorConfig withRequireAuth(boolean required) {
    Builder b = new Builder(this);
    b.requireAuth = required;
    return b.build();
  }

  public EmulatorConfig withTokenTtl(long seconds) {
    Builder b = new Builder(this);
    b.tokenTtlSeconds = seconds;
    return b.build();
  }

  /**
   * @param file JSON array of fault rules; null for none
   */
  public EmulatorConfig withFaultsFile(Path file) {
    Builder b = new Builder(this);
    b.faultsFile = file;
    return b.build();
  }

  /**
   * @param items most media items per album (at least 1)
   */
  public EmulatorConfig withAlbumCapacity(int items) {
    Builder b = new Builder(this);
    b.albumCapacity = items;
    return b.build();
  }

  /**
   * @param bytes free Photos storage, bytes; 0 = unlimited
   */
  public EmulatorConfig withPhotosStorage(long bytes) {
    Builder b = new Builder(this);
    b.photosStorageBytes = bytes;
    return b.build();
  }

  /**
   * @param seconds Drive resumable session lifetime (at least 1)
   */
  public EmulatorConfig withResumableSessionTtl(long seconds) {
    Builder b = new Builder(this);
    b.resumableSessionTtlSeconds = seconds;
    return b.build();
  }

  /**
   * @param check whether batchCreate checks the uploaded bytes (see {@code checkMediaContent})
   */
  public EmulatorConfig withMediaContentCheck(boolean check) {
    Builder b = new Builder(this);
    b.checkMediaContent = check;
    return b.build();
  }

  /**
   * @param bytes what Photos uploads ask in {@code X-Goog-Upload-Chunk-Granularity} (a positive
   *     multiple of 256 KiB)
   */
  public EmulatorConfig withPhotosChunkGranularity(int bytes) {
    Builder b = new Builder(this);
    b.photosChunkGranularity = bytes;
    return b.build();
  }

  /** A mutable copy, so each {@code with…} changes one setting. */
  private static final class Builder {
    private int port;
    private Path dataDir;
    private long bandwidthBytesPerSecond;
    private boolean requireAuth;
    private long tokenTtlSeconds;
    private Path faultsFile;
    private int albumCapacity;
    private long photosStorageBytes;
    private long resumableSessionTtlSeconds;
    private boolean checkMediaContent;
    private int photosChunkGranularity;

    Builder(EmulatorConfig c) {
      port = c.port;
      dataDir = c.dataDir;
      bandwidthBytesPerSecond = c.bandwidthBytesPerSecond;
      requireAuth = c.requireAuth;
      tokenTtlSeconds = c.tokenTtlSeconds;
      faultsFile = c.faultsFile;
      albumCapacity = c.albumCapacity;
      photosStorageBytes = c.photosStorageBytes;
      resumableSessionTtlSeconds = c.resumableSessionTtlSeconds;
      checkMediaContent = c.checkMediaContent;
      photosChunkGranularity = c.photosChunkGranularity;
    }

    EmulatorConfig build() {
      return new EmulatorConfig(
          port,
          dataDir,
          bandwidthBytesPerSecond,
          requireAuth,
          tokenTtlSeconds,
          faultsFile,
          albumCapacity,
          photosStorageBytes,
          resumableSessionTtlSeconds,
          checkMediaContent,
          photosChunkGranularity);
    }
  }
}
