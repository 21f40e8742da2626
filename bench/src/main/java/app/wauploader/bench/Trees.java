package app.wauploader.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generated WhatsApp-like trees: every file starts with the head of a real sample of its kind
 * (JPEG, MP4, Opus), so MIME detection and routing see what they see on a phone; the rest is
 * pseudo-random (seeded: the same tree every run), so no two files share content.
 */
final class Trees {
  private final byte[] jpeg;
  private final byte[] mp4;
  private final byte[] opus;

  Trees(Path samples) throws IOException {
    jpeg = Files.readAllBytes(samples.resolve("WhatsApp Images/IMG-20231105-WA0012.jpg"));
    mp4 = Files.readAllBytes(samples.resolve("WhatsApp Video/VID-20231224-WA0002.mp4"));
    opus =
        Files.readAllBytes(samples.resolve("WhatsApp Voice Notes/202345/PTT-20231105-WA0004.opus"));
  }

  /** {@code files} photos of {@code totalBytes} in all (sizes 0.5–1.5× the mean). */
  Path photos(Path media, int files, long totalBytes) throws IOException {
    Path dir = Files.createDirectories(media.resolve("WhatsApp Images"));
    Random random = new Random(1);
    long mean = totalBytes / files;
    for (int i = 0; i < files; i++) {
      long size = Math.max(jpeg.length + 1024, (long) (mean * (0.5 + random.nextDouble())));
      write(dir.resolve(String.format("IMG-2024%04d-WA%05d.jpg", 101 + i % 900, i)), jpeg, size, i);
    }
    return media;
  }

  /** {@code files} voice notes of {@code bytes} each (Drive files), 500 to a folder. */
  Path voiceNotes(Path media, int files, int bytes) throws IOException {
    for (int i = 0; i < files; i++) {
      Path dir =
          Files.createDirectories(
              media.resolve("WhatsApp Voice Notes").resolve(String.format("2024%02d", i / 500)));
      write(
          dir.resolve(String.format("PTT-2024%04d-WA%06d.opus", 101 + i % 900, i)), opus, bytes, i);
    }
    return media;
  }

  /** One video of {@code bytes}; sparse after the real MP4 head when {@code sparse}. */
  Path video(Path media, long bytes, boolean sparse) throws IOException {
    Path dir = Files.createDirectories(media.resolve("WhatsApp Video"));
    Path file = dir.resolve("VID-20241224-WA0001.mp4");
    if (sparse) {
      try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
        out.write(mp4);
        out.setLength(bytes);
      }
    } else {
      write(file, mp4, bytes, 7);
    }
    return file;
  }

  private static void write(Path file, byte[] head, long size, long seed) throws IOException {
    Random random = new Random(seed * 7919 + size);
    try (OutputStream out = Files.newOutputStream(file)) {
      // At most half the file is the sample's head: the rest is random, so no two files share
      // content (a 1 KiB voice note is not the first KiB of the same sample 100,000 times).
      int first = (int) Math.min(head.length, size / 2);
      out.write(head, 0, first);
      byte[] block = new byte[(int) Math.min(1 << 20, Math.max(1, size - first))];
      long left = size - first;
      while (left > 0) {
        random.nextBytes(block);
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        left -= n;
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
