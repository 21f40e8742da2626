package app.wauploader.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The bundled sample WhatsApp media tree ({@code samples/whatsapp/Media}), copied for a test. */
public final class SampleTree {
  /** The checked-in tree, relative to a module directory. */
  public static final Path SOURCE = Path.of("..", "samples", "whatsapp", "Media");

  private SampleTree() {}

  /** Copies the tree to {@code dir}/Media and returns that path. */
  public static Path copyTo(Path dir) {
    Path target = dir.resolve("Media");
    try (Stream<Path> files = Files.walk(SOURCE)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(SOURCE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files a default upload must back up: not hidden, not in .Statuses, Stickers or Profile
   * Photos, not empty.
   */
  public static List<Path> eligibleFiles(Path media) {
    return listedFiles(media).stream().filter(p -> size(p) > 0).toList();
  }

  /**
   * The files a default listing offers, empty ones too: not hidden, not in .Statuses, Stickers or
   * Profile Photos.
   */
  public static List<Path> listedFiles(Path media) {
    try (Stream<Path> files = Files.walk(media)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String rel = media.relativize(p).toString();
                return !rel.contains("/.")
                    && !rel.startsWith(".")
                    && !rel.startsWith("WhatsApp Stickers")
                    && !rel.startsWith("WhatsApp Profile Photos");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Distinct SHA-256 values of {@code files}. */
  public static Set<String> distinctSha256(List<Path> files) {
    Set<String> result = new LinkedHashSet<>();
    files.forEach(f -> result.add(sha256(f)));
    return result;
  }

  public static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes photos {@code from..to-1} into {@code images}: the sample JPEG with the number appended
   * after its end, so each is a real JPEG with its own content, named {@code
   * IMG-20240101-WA000N.jpg}.
   */
  public static void distinctPhotos(Path images, int from, int to) throws IOException {
    Files.createDirectories(images);
    byte[] jpeg = Files.readAllBytes(SOURCE.resolve("WhatsApp Images/IMG-20231105-WA0012.jpg"));
    for (int i = from; i < to; i++) {
      byte[] distinct = java.util.Arrays.copyOf(jpeg, jpeg.length + 4);
      java.nio.ByteBuffer.wrap(distinct, jpeg.length, 4).putInt(i);
      Files.write(images.resolve(String.format("IMG-20240101-WA%04d.jpg", i)), distinct);
    }
  }
}
