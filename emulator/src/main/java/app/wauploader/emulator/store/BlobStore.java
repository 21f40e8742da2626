package app.wauploader.emulator.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Uploaded bytes on disk, one file per blob under {@code <dataDir>/blobs/}. Bodies are streamed to
 * disk, never held in memory. Callers serialise access to one blob (one upload session = one lock);
 * different blobs may be used concurrently.
 */
public final class BlobStore {
  /**
   * Granularity of kept upload progress (256 KiB): after a broken connection only a multiple of it
   * is kept, like Google's upload servers
   * (https://developers.google.com/workspace/drive/api/guides/manage-uploads#resumable).
   */
  public static final long CHUNK_GRANULARITY = 256 * 1024;

  private final Path dir;

  BlobStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /**
   * Result of {@link #append}.
   *
   * @param skipped body bytes read and discarded because they were already stored
   * @param written body bytes appended
   * @param overflow true when the body was longer than allowed; nothing was appended then
   */
  public record AppendResult(long skipped, long written, boolean overflow) {}

  /** The file holding blob {@code blobId}. */
  public Path path(String blobId) {
    if (!RandomIds.isWellFormed(blobId)) {
      throw new IllegalArgumentException("malformed blob id: " + blobId);
    }
    return dir.resolve(blobId);
  }

  /** Bytes stored in the blob; 0 when it does not exist. */
  public long length(String blobId) throws IOException {
    try {
      return Files.size(path(blobId));
    } catch (NoSuchFileException e) {
      return 0;
    }
  }

  /** Deletes the blob if it exists. */
  public void delete(String blobId) throws IOException {
    Files.deleteIfExists(path(blobId));
  }

  /** Cuts the blob to {@code length} bytes and syncs it. */
  public void truncate(String blobId, long length) throws IOException {
    Path file = path(blobId);
    if (!Files.exists(file)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
      channel.force(false);
    }
  }

  /**
   * The progress kept when a body broke off: what was acknowledged before it, plus the whole 256
   * KiB units received.
   *
   * @param acknowledged bytes stored before the broken request
   * @param received bytes stored including the broken request's part
   */
  public static long keptAfterDisconnect(long acknowledged, long received) {
    return Math.max(acknowledged, received - received % CHUNK_GRANULARITY);
  }

  /**
   * Appends a request body to the blob, which must hold exactly {@code position} bytes (extra bytes
   * are cut). First reads and discards {@code skip} body bytes (an overlap already stored), then
   * appends at most {@code maxBytes}; a longer body is an overflow (nothing appended, the rest of
   * the body is left unread). The appended bytes are synced to disk before returning.
   *
   * <p>When reading the body fails, the blob keeps {@link #keptAfterDisconnect} bytes and the
   * read's {@link IOException} is rethrown.
   *
   * @throws IOException from the body (the client) or from the disk
   */
  public AppendResult append(
      String blobId, long position, InputStream body, long skip, long maxBytes) throws IOException {
    Path file = path(blobId);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long size = channel.size();
      if (size < position) {
        throw new IOException(
            "blob " + blobId + " holds " + size + " bytes, expected at least " + position);
      }
      if (size > position) {
        channel.truncate(position);
      }
      channel.position(position);
      long skipped = discard(body, skip);
      byte[] buffer = new byte[64 * 1024];
      long written = 0;
      while (true) {
        int n;
        try {
          n = body.read(buffer);
        } catch (IOException e) {
          channel.truncate(keptAfterDisconnect(position, position + written));
          channel.force(false);
          throw e;
        }
        if (n < 0) {
          break;
        }
        if (written + n > maxBytes) {
          channel.truncate(position);
          channel.force(false);
          return new AppendResult(skipped, 0, true);
        }
        ByteBuffer slice = ByteBuffer.wrap(buffer, 0, n);
        while (slice.hasRemaining()) {
          channel.write(slice);
        }
        written += n;
      }
      channel.force(false);
      return new AppendResult(skipped, written, false);
    }
  }

  private static long discard(InputStream body, long count) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    long done = 0;
    while (done < count) {
      int n = body.read(buffer, 0, (int) Math.min(buffer.length, count - done));
      if (n < 0) {
        break;
      }
      done += n;
    }
    return done;
  }

  /** Size, SHA-256, MD5 and SHA-1 of the blob, read in one pass. */
  public ContentDigest digest(String blobId) throws IOException {
    MessageDigest sha256 = digester("SHA-256");
    MessageDigest md5 = digester("MD5");
    MessageDigest sha1 = digester("SHA-1");
    long size = 0;
    Path file = path(blobId);
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1024 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          sha256.update(buffer, 0, n);
          md5.update(buffer, 0, n);
          sha1.update(buffer, 0, n);
          size += n;
        }
      }
    }
    HexFormat hex = HexFormat.of();
    return new ContentDigest(
        size,
        hex.formatHex(sha256.digest()),
        hex.formatHex(md5.digest()),
        hex.formatHex(sha1.digest()));
  }

  /** Checksums of empty content. */
  public static ContentDigest emptyDigest() {
    HexFormat hex = HexFormat.of();
    return new ContentDigest(
        0,
        hex.formatHex(digester("SHA-256").digest()),
        hex.formatHex(digester("MD5").digest()),
        hex.formatHex(digester("SHA-1").digest()));
  }

  private static MessageDigest digester(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + algorithm, e);
    }
  }
}
