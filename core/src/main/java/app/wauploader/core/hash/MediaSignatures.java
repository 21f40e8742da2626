package app.wauploader.core.hash;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer Apache Tika would give, without asking it, for the few kinds of file WhatsApp itself
 * writes — when the name's extension and the content's signature agree. Anything else (another
 * extension, a signature that does not match, a short head) is Tika's to decide ({@link
 * SignatureFirstDetector}).
 *
 * <p>Why: Tika's registry (1,683 types, parsed from XML) takes about half a second to load on a
 * cold JVM and a few milliseconds per file to evaluate every magic of every type; a media tree is
 * almost only {@code IMG-….jpg}, {@code VID-….mp4}, {@code PTT-….opus}, so that cost was most of a
 * dry run's (issue 13). Each entry is the signature Tika's own registry lists for the type
 * (tika-mimetypes.xml); {@code MediaSignaturesTest} checks every entry, the sample tree and the
 * corpus against Tika itself, so this table can only ever agree with it.
 */
final class MediaSignatures {
  private MediaSignatures() {}

  /**
   * The MIME type of {@code head[0..length)} named {@code fileName}, when its extension is one of
   * the table's and its first bytes carry that type's signature; else empty.
   */
  static Optional<String> match(byte[] head, int length, String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return Optional.empty();
    }
    String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    String type =
        switch (extension) {
          case "jpg", "jpeg" -> starts(head, length, 0, 0xFF, 0xD8, 0xFF) ? "image/jpeg" : null;
          case "png" ->
              starts(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
                  ? "image/png"
                  : null;
          case "gif" ->
              ascii(head, length, 0, "GIF89a") || ascii(head, length, 0, "GIF87a")
                  ? "image/gif"
                  : null;
          case "webp" ->
              ascii(head, length, 0, "RIFF") && ascii(head, length, 8, "WEBP")
                  ? "image/webp"
                  : null;
          case "mp4" -> ftyp(head, length, "isom", "mp41", "mp42") ? "video/mp4" : null;
          case "3gp" -> ftyp(head, length, "3gp4", "3gp5", "3gp6") ? "video/3gpp" : null;
          case "opus" ->
              ascii(head, length, 0, "OggS") && ascii(head, length, 28, "OpusHead")
                  ? "audio/opus"
                  : null;
          case "pdf" -> ascii(head, length, 0, "%PDF-") ? "application/pdf" : null;
          default -> null;
        };
    return Optional.ofNullable(type);
  }

  /** An ISO base media file (MP4, 3GP) whose {@code ftyp} box names one of {@code brands}. */
  private static boolean ftyp(byte[] head, int length, String... brands) {
    if (!ascii(head, length, 4, "ftyp")) {
      return false;
    }
    for (String brand : brands) {
      if (ascii(head, length, 8, brand)) {
        return true;
      }
    }
    return false;
  }

  private static boolean ascii(byte[] head, int length, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    if (offset + bytes.length > length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (head[offset + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean starts(byte[] head, int length, int offset, int... bytes) {
    if (offset + bytes.length > length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((head[offset + i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
