package app.wauploader.core.dates;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * The EXIF date tags written for a {@link CaptureDate}. Tag facts from CIPA DC-008-2019 ("Exif"
 * 2.32), 4.6.5 and 4.6.6:
 *
 * <ul>
 *   <li>DateTimeOriginal 0x9003 and DateTimeDigitized 0x9004 (Exif IFD), DateTime 0x0132 (IFD0):
 *       ASCII, 20 bytes, {@code "YYYY:MM:DD HH:MM:SS"} local time, NUL-terminated.
 *   <li>OffsetTime 0x9010, OffsetTimeOriginal 0x9011, OffsetTimeDigitized 0x9012 (Exif IFD, new in
 *       Exif 2.31): ASCII, 7 bytes, {@code "+HH:MM"} or {@code "-HH:MM"}, the UTC offset of
 *       DateTime, DateTimeOriginal and DateTimeDigitized respectively.
 *   <li>ExifVersion 0x9000: UNDEFINED, 4 bytes, e.g. {@code "0231"}; required in an Exif IFD.
 * </ul>
 *
 * Commons Imaging 1.0.0-alpha6 has no constants for the offset tags, so they are declared here.
 */
final class ExifDateTags {
  static final TagInfoAscii DATE_TIME_ORIGINAL = ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL;
  static final TagInfoAscii OFFSET_TIME =
      new TagInfoAscii("OffsetTime", 0x9010, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);
  static final TagInfoAscii OFFSET_TIME_ORIGINAL =
      new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);
  static final TagInfoAscii OFFSET_TIME_DIGITIZED =
      new TagInfoAscii("OffsetTimeDigitized", 0x9012, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

  /** Exif 2.31 is the first version with the offset tags. */
  private static final byte[] EXIF_VERSION_2_31 = {'0', '2', '3', '1'};

  private static final DateTimeFormatter EXIF_DATE =
      DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss", Locale.ROOT);

  private ExifDateTags() {}

  /**
   * Sets DateTimeOriginal and OffsetTimeOriginal to {@code date} (replacing a blank or zero
   * placeholder), and DateTimeDigitized, DateTime and ExifVersion where they are absent (with their
   * offsets); every other tag is left as it is.
   *
   * @throws ImagingException if Commons Imaging refuses a value (not expected for these)
   */
  static void write(TiffOutputSet out, CaptureDate date) throws ImagingException {
    String when = EXIF_DATE.format(date.localDateTime());
    String offset = offset(date);
    TiffOutputDirectory exif = out.getOrCreateExifDirectory();
    replace(exif, DATE_TIME_ORIGINAL, when);
    replace(exif, OFFSET_TIME_ORIGINAL, offset);
    if (exif.findField(ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED) == null) {
      exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED, when);
      replace(exif, OFFSET_TIME_DIGITIZED, offset);
    }
    if (exif.findField(ExifTagConstants.EXIF_TAG_EXIF_VERSION) == null) {
      exif.add(ExifTagConstants.EXIF_TAG_EXIF_VERSION, EXIF_VERSION_2_31);
    }
    TiffOutputDirectory root = out.getOrCreateRootDirectory();
    if (root.findField(TiffTagConstants.TIFF_TAG_DATE_TIME) == null) {
      root.add(TiffTagConstants.TIFF_TAG_DATE_TIME, when);
      replace(exif, OFFSET_TIME, offset);
    }
  }

  /** {@code "+HH:MM"} / {@code "-HH:MM"} for the date's offset (seconds dropped). */
  static String offset(CaptureDate date) {
    int seconds = date.offset().getTotalSeconds();
    int abs = Math.abs(seconds);
    return String.format(
        Locale.ROOT, "%s%02d:%02d", seconds < 0 ? "-" : "+", abs / 3600, (abs % 3600) / 60);
  }

  private static void replace(TiffOutputDirectory dir, TagInfoAscii tag, String value)
      throws ImagingException {
    dir.removeField(tag);
    dir.add(tag, value);
  }
}
