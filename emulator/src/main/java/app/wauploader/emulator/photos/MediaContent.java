package app.wauploader.emulator.photos;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

/**
 * What the uploaded bytes are, as Google Photos judges them: the format from the file's signature
 * (not its name or declared type), and the capture date Google takes from them.
 *
 * <p>Dates: no API field sets a media item's date; Google Photos reads EXIF {@code
 * DateTimeOriginal} (with {@code OffsetTimeOriginal} when present) and a video's container creation
 * time ({@code mvhd}), else it uses the upload time (https://rclone.org/googlephotos/#limitations,
 * https://github.com/ylexus/jiotty-photos-uploader/issues/96,
 * https://developers.google.com/photos/library/reference/rest/v1/mediaItems#MediaMetadata, where
 * {@code creationTime} is when the item was first created, not when it was uploaded). A date
 * without an offset is read as UTC.
 */
final class MediaContent {
  /** Container creation times at or before this are "not set" (0 in a 1904-based field). */
  private static final Instant EARLIEST = Instant.parse("1970-01-02T00:00:00Z");

  private static final Set<String> HEIF_BRANDS =
      Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");
  private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

  private MediaContent() {}

  /**
   * The MIME type of the photo or video format the bytes are, from their signature: JPEG, PNG, GIF,
   * WebP, BMP, TIFF, HEIF/HEIC, AVIF, ICO; MP4/3GP/M4V/MOV (ISO base media), AVI, Matroska/WebM,
   * MPEG program and transport streams, ASF/WMV. Empty for anything else.
   */
  static Optional<String> sniff(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(192);
    }
    return sniff(head);
  }

  static Optional<String> sniff(byte[] b) {
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
      return Optional.of("image/gif");
    }
    if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
      return Optional.of("image/webp");
    }
    if (ascii(b, 0, "RIFF") && ascii(b, 8, "AVI ")) {
      return Optional.of("video/x-msvideo");
    }
    if (ascii(b, 0, "BM") && b.length >= 14) {
      return Optional.of("image/bmp");
    }
    if (starts(b, 'I', 'I', 0x2A, 0x00) || starts(b, 'M', 'M', 0x00, 0x2A)) {
      return Optional.of("image/tiff");
    }
    if (starts(b, 0x00, 0x00, 0x01, 0x00) && b.length >= 6) {
      return Optional.of("image/x-icon");
    }
    if (ascii(b, 4, "ftyp") && b.length >= 12) {
      String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
      if (HEIF_BRANDS.contains(brand)) {
        return Optional.of("image/heif");
      }
      if (AVIF_BRANDS.contains(brand)) {
        return Optional.of("image/avif");
      }
      if (brand.startsWith("qt")) {
        return Optional.of("video/quicktime");
      }
      if (brand.startsWith("3g2")) {
        return Optional.of("video/3gpp2");
      }
      if (brand.startsWith("3g")) {
        return Optional.of("video/3gpp");
      }
      return Optional.of("video/mp4");
    }
    if (ascii(b, 4, "moov") || ascii(b, 4, "mdat") || ascii(b, 4, "wide") || ascii(b, 4, "free")) {
      return Optional.of("video/quicktime");
    }
    if (starts(b, 0x1A, 0x45, 0xDF, 0xA3)) {
      return Optional.of("video/x-matroska");
    }
    if (starts(b, 0x00, 0x00, 0x01, 0xBA) || starts(b, 0x00, 0x00, 0x01, 0xB3)) {
      return Optional.of("video/mpeg");
    }
    if (b.length >= 189 && b[0] == 0x47 && b[188] == 0x47) {
      return Optional.of("video/mp2t");
    }
    if (starts(b, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11)) {
      return Optional.of("video/x-ms-wmv");
    }
    return Optional.empty();
  }

  /**
   * The capture time Google Photos would show for these bytes: EXIF {@code DateTimeOriginal}
   * (offset from {@code OffsetTimeOriginal}, else UTC) for images, the QuickTime/MP4 {@code mvhd}
   * creation time for videos; empty when there is none or the bytes cannot be read.
   */
  static Optional<Instant> creationTime(Path file) {
    Metadata metadata;
    try {
      metadata = ImageMetadataReader.readMetadata(file.toFile());
    } catch (ImageProcessingException | IOException | RuntimeException e) {
      return Optional.empty();
    }
    for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
      Date original = exif.getDateOriginal(TimeZone.getTimeZone("UTC"));
      if (original != null) {
        return Optional.of(original.toInstant());
      }
    }
    for (Mp4Directory mp4 : metadata.getDirectoriesOfType(Mp4Directory.class)) {
      Optional<Instant> created = containerTime(mp4.getDate(Mp4Directory.TAG_CREATION_TIME));
      if (created.isPresent()) {
        return created;
      }
    }
    for (QuickTimeDirectory mov : metadata.getDirectoriesOfType(QuickTimeDirectory.class)) {
      Optional<Instant> created = containerTime(mov.getDate(QuickTimeDirectory.TAG_CREATION_TIME));
      if (created.isPresent()) {
        return created;
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> containerTime(Date date) {
    if (date == null || !date.toInstant().isAfter(EARLIEST)) {
      return Optional.empty();
    }
    return Optional.of(date.toInstant());
  }

  private static boolean starts(byte[] b, int... signature) {
    if (b.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((b[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] b, int offset, String text) {
    if (b.length < offset + text.length()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (b[offset + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
