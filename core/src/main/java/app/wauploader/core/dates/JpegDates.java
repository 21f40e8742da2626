package app.wauploader.core.dates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.apache.commons.imaging.FormatCompliance;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffContents;
import org.apache.commons.imaging.formats.tiff.TiffDirectory;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffReader;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Writes a {@link CaptureDate} into a JPEG's EXIF with Apache Commons Imaging (project rule:
 * libraries over own code for EXIF writing), without holding the image data in memory.
 *
 * <p>Shape of the copy: the original's header (SOI and every marker segment up to and including the
 * first SOS marker, a few KB to a few hundred KB) is given to {@link ExifRewriter}, which returns
 * it with the EXIF APP1 segment added or updated; the copy is that new header followed by the
 * original's bytes after the SOS marker (scan header, entropy-coded data, EOI and anything
 * trailing), unchanged. Segment layout facts: ITU-T T.81 Annex B.1 (a marker is 0xFF then a code;
 * 0xFF fill bytes may precede it; a segment's 2-byte big-endian length counts itself; SOS = 0xFFDA
 * starts the scan; RSTn 0xFFD0-D7 and TEM 0xFF01 stand alone); EXIF in APP1 (0xFFE1) begins {@code
 * "Exif\0\0"} then a TIFF structure (CIPA DC-008 / JEITA CP-3451 "Exif" 2.32, section 4.5.4).
 *
 * <p>A copy is made only for a well-formed header without a usable {@code DateTimeOriginal}; a
 * header that does not parse, EXIF that Commons Imaging cannot read, or a new EXIF segment over 64
 * KB gives no copy (the original is sent).
 *
 * <p>Android (API 26): the methods reachable from this package into Commons Imaging 1.0.0-alpha6,
 * commons-io 2.22 and commons-lang3 3.17 (a call-graph trace over {@code javap -c}, dispatching
 * only to instantiated classes, 842 methods in 203 classes) were checked against the API-26
 * signature with animal-sniffer: none refers to java.awt, javax.imageio or any other missing API.
 * The library's java.awt uses sit in methods this path never calls (thumbnail decoding {@code
 * TiffDirectory.getTiffImage}, {@code AbstractTiffImageWriter.writeImage}, the JPEG decoder, {@code
 * Debug.debug(String, ICC_Profile)}); ART loads such classes and fails only if those methods run.
 *
 * <p>Determinism: the writers keep fields in tag order and key their maps by tag number (no
 * identity hashes, no clock, no "Software" tag); {@code SentCopyPinnedBytesTest} pins the output.
 */
final class JpegDates {
  /** A header larger than this is not read into memory (no real camera header is near it). */
  static final int MAX_HEADER = 4 << 20;

  private JpegDates() {}

  /**
   * The splice for {@code original} with {@code date} written in, or empty (see the class doc).
   *
   * @throws IOException if the original cannot be read (not for a short or malformed file)
   */
  static Optional<Splice> rewrite(OriginalBytes original, CaptureDate date) throws IOException {
    Optional<JpegHeader> header = JpegHeader.read(original, MAX_HEADER);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    JpegHeader h = header.get();
    try {
      TiffOutputSet out;
      if (h.exifTiff().isPresent()) {
        TiffImageMetadata metadata = readExif(h.exifTiff().get());
        if (hasDate(metadata.findField(ExifDateTags.DATE_TIME_ORIGINAL))) {
          return Optional.empty();
        }
        out = metadata.getOutputSet();
      } else {
        out = new TiffOutputSet();
      }
      ExifDateTags.write(out, date);
      ByteArrayOutputStream newHeader = new ByteArrayOutputStream(h.bytes().length + 1024);
      new ExifRewriter().updateExifMetadataLossless(ByteSource.array(h.bytes()), newHeader, out);
      byte[] written = newHeader.toByteArray();
      if (!endsWithSos(written)) {
        return Optional.empty();
      }
      return Optional.of(
          new Splice().literal(written).copy(h.bytes().length, original.size() - h.bytes().length));
    } catch (IOException | RuntimeException e) {
      // Everything in this block works on the header in memory, so an IOException is Commons
      // Imaging refusing the EXIF (ImagingException, or a plain IOException "Not a Valid TIFF
      // File"), as are runtime exceptions it throws for some malformed input (array bounds, class
      // casts): either way this file is sent unchanged.
      return Optional.empty();
    }
  }

  /**
   * The EXIF directories and fields of a TIFF structure, as Commons Imaging's own TIFF parser
   * assembles them (TiffImageParser.getMetadata), without going through its image parser: with
   * every directory's entries, so getOutputSet() keeps every tag and the IFD1 thumbnail.
   */
  private static TiffImageMetadata readExif(byte[] tiff) throws IOException {
    TiffContents contents =
        new TiffReader(false)
            .readDirectories(ByteSource.array(tiff), true, FormatCompliance.getDefault());
    TiffImageMetadata metadata = new TiffImageMetadata(contents);
    for (TiffDirectory dir : contents.directories) {
      TiffImageMetadata.Directory out =
          new TiffImageMetadata.Directory(contents.header.byteOrder, dir);
      for (TiffField field : dir.getDirectoryEntries()) {
        out.add(field);
      }
      metadata.add(out);
    }
    return metadata;
  }

  /** A DateTimeOriginal a camera wrote: present, not blank, not the all-zero placeholder. */
  private static boolean hasDate(TiffField field) throws ImagingException {
    if (field == null) {
      return false;
    }
    Object value = field.getValue();
    String text = value instanceof String[] ? String.join("", (String[]) value) : "" + value;
    String digits = text.replaceAll("[^0-9]", "");
    return !digits.isEmpty() && !digits.matches("0+");
  }

  private static boolean endsWithSos(byte[] b) {
    return b.length >= 4 && (b[b.length - 2] & 0xff) == 0xff && (b[b.length - 1] & 0xff) == 0xda;
  }
}
