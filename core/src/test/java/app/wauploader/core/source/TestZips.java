package app.wauploader.core.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real ZIP archives written with {@link ZipOutputStream}, for tests. */
public final class TestZips implements AutoCloseable {
  /** A fixed entry time (2024-02-14T10:00:00Z) written as an extended timestamp. */
  public static final FileTime TIME = FileTime.fromMillis(1_707_904_800_000L);

  private final ZipOutputStream out;

  private TestZips(ZipOutputStream out) {
    this.out = out;
  }

  /** Starts writing the archive {@code file}. */
  public static TestZips create(Path file) throws IOException {
    OutputStream raw = Files.newOutputStream(file);
    return new TestZips(new ZipOutputStream(raw));
  }

  /** Adds {@code data} as an uncompressed entry. */
  public TestZips stored(String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    return add(entry, data);
  }

  /** Adds {@code data} as a compressed entry. */
  public TestZips deflated(String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.DEFLATED);
    return add(entry, data);
  }

  /** Adds a folder entry ({@code name} ends with {@code /}). */
  public TestZips folder(String name) throws IOException {
    return add(new ZipEntry(name), new byte[0]);
  }

  /** Adds {@code entry} as set up by the caller; its time is {@link #TIME} unless set. */
  public TestZips add(ZipEntry entry, byte[] data) throws IOException {
    if (entry.getLastModifiedTime() == null) {
      entry.setLastModifiedTime(TIME);
    }
    out.putNextEntry(entry);
    out.write(data);
    out.closeEntry();
    return this;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * {@code size} bytes that deflate a little but not to nothing: random runs and repeats, so a
   * DEFLATED entry of them has many blocks.
   */
  public static byte[] mixedBytes(int size, long seed) {
    Random random = new Random(seed);
    byte[] data = new byte[size];
    int i = 0;
    while (i < size) {
      int run = Math.min(size - i, 1 + random.nextInt(4096));
      if (random.nextBoolean()) {
        byte[] chunk = new byte[run];
        random.nextBytes(chunk);
        System.arraycopy(chunk, 0, data, i, run);
      } else {
        java.util.Arrays.fill(data, i, i + run, (byte) random.nextInt(256));
      }
      i += run;
    }
    return data;
  }
}
