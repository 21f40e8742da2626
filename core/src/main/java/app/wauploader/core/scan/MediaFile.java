package app.wauploader.core.scan;

import java.nio.file.Path;

/**
 * A regular file found under a source root.
 *
 * @param path absolute, normalised path
 * @param mediaFolder the WhatsApp media folder it lives in ({@code WhatsApp Images}, {@code
 *     WhatsApp Voice Notes}, …), or the source root's own name for other trees
 * @param size bytes
 * @param mtimeMs last-modified time, epoch ms
 */
public record MediaFile(Path path, String mediaFolder, long size, long mtimeMs) {
  /** The file name. */
  public String name() {
    return path.getFileName().toString();
  }
}
