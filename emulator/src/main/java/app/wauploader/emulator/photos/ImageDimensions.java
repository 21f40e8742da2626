package app.wauploader.emulator.photos;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Width and height of PNG, GIF and JPEG images read from their headers, for {@code
 * mediaMetadata.width/height}. Other formats (and damaged files) have no dimensions.
 *
 * @param width pixels
 * @param height pixels
 */
record ImageDimensions(int width, int height) {

  /** The dimensions of the image in {@code file}, if its format is known and intact. */
  static Optional<ImageDimensions> read(Path file) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 8192))) {
      in.mark(32);
      byte[] head = new byte[26];
      int n = in.readNBytes(head, 0, head.length);
      if (n >= 24
          && (head[0] & 0xff) == 0x89
          && head[1] == 'P'
          && head[2] == 'N'
          && head[3] == 'G') {
        return Optional.of(new ImageDimensions(int32(head, 16), int32(head, 20)));
      }
      if (n >= 10 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F') {
        return Optional.of(
            new ImageDimensions(
                (head[6] & 0xff) | (head[7] & 0xff) << 8,
                (head[8] & 0xff) | (head[9] & 0xff) << 8));
      }
      if (n >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8) {
        in.reset();
        in.skipNBytes(2);
        return jpeg(in);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | (b[at + 3] & 0xff);
  }

  private static Optional<ImageDimensions> jpeg(DataInputStream in) throws IOException {
    try {
      while (true) {
        int b = in.readUnsignedByte();
        if (b != 0xff) {
          return Optional.empty();
        }
        int marker = in.readUnsignedByte();
        while (marker == 0xff) {
          marker = in.readUnsignedByte();
        }
        if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
          continue;
        }
        if (marker == 0xd9 || marker == 0xda) {
          return Optional.empty();
        }
        int length = in.readUnsignedShort();
        boolean startOfFrame =
            marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
        if (startOfFrame) {
          in.readUnsignedByte();
          int height = in.readUnsignedShort();
          int width = in.readUnsignedShort();
          return Optional.of(new ImageDimensions(width, height));
        }
        skip(in, length - 2);
      }
    } catch (EOFException e) {
      return Optional.empty();
    }
  }

  private static void skip(InputStream in, long count) throws IOException {
    in.skipNBytes(count);
  }
}
