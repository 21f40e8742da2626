package app.wauploader.core.dates;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A JPEG's header: the bytes from SOI up to and including the first SOS marker (0xFFDA), and the
 * TIFF payload of its first EXIF APP1 segment if it has one. Marker facts: ITU-T T.81 Annex B.1;
 * EXIF APP1: CIPA DC-008 section 4.5.4.
 *
 * @param bytes the header, ending with 0xFF 0xDA
 * @param exifTiff the first APP1 segment that starts {@code "Exif"}, without its 6-byte {@code
 *     "Exif\0\0"} identifier
 */
record JpegHeader(byte[] bytes, Optional<byte[]> exifTiff) {
  private static final int APP1 = 0xe1;
  private static final int SOS = 0xda;
  private static final int EOI = 0xd9;

  /** What Commons Imaging's ExifRewriter takes as EXIF ({@code "Exif"}); then 2 pad bytes. */
  private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f'};

  private static final int EXIF_HEADER = 6;

  /**
   * Reads the header of {@code original}, or empty if it is not a JPEG with a well-formed marker
   * segment sequence before a scan, or the header is longer than {@code maxHeader} bytes.
   *
   * @throws IOException if the original cannot be read (a short file gives empty, not this)
   */
  static Optional<JpegHeader> read(OriginalBytes original, int maxHeader) throws IOException {
    try {
      long size = original.size();
      if (size < 4) {
        return Optional.empty();
      }
      byte[] soi = original.read(0, 2);
      if ((soi[0] & 0xff) != 0xff || (soi[1] & 0xff) != 0xd8) {
        return Optional.empty();
      }
      long pos = 2;
      byte[] exif = null;
      while (true) {
        if (pos + 2 > Math.min(size, maxHeader)) {
          return Optional.empty();
        }
        byte[] m = original.read(pos, 2);
        if ((m[0] & 0xff) != 0xff) {
          return Optional.empty();
        }
        int code = m[1] & 0xff;
        if (code == 0xff) {
          pos++; // a fill byte
          continue;
        }
        if (code == SOS) {
          long end = pos + 2;
          return Optional.of(
              new JpegHeader(original.read(0, (int) end), Optional.ofNullable(exif)));
        }
        if (code == EOI || code == 0x01 || code == 0x00 || (code >= 0xd0 && code <= 0xd8)) {
          return Optional.empty(); // no image, or a stand-alone marker where a segment must be
        }
        if (pos + 4 > size) {
          return Optional.empty();
        }
        byte[] len = original.read(pos + 2, 2);
        int length = ((len[0] & 0xff) << 8) | (len[1] & 0xff);
        if (length < 2 || pos + 2 + length > size) {
          return Optional.empty();
        }
        if (code == APP1 && exif == null && length - 2 >= EXIF_HEADER) {
          byte[] payload = original.read(pos + 4, length - 2);
          if (Arrays.equals(Arrays.copyOf(payload, EXIF_ID.length), EXIF_ID)) {
            exif = Arrays.copyOfRange(payload, EXIF_HEADER, payload.length);
          }
        }
        pos += 2 + length;
      }
    } catch (EOFException e) {
      return Optional.empty(); // shorter than its declared size
    }
  }
}
