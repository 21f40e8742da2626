package app.wauploader.core.chat;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A chat export read from disk.
 *
 * @param path the file that was read: a {@code .txt} or a {@code .zip}
 * @param chat the parsed chat text
 * @param zipEntries the names of the other entries of a ZIP export (its media), as written in the
 *     archive and in archive order, without folders and {@code __MACOSX/} resource forks; a ZIP
 *     inside the ZIP is listed but never opened; empty for a {@code .txt}
 */
public record ChatExportFile(Path path, ChatExport chat, List<String> zipEntries) {
  /** Checks for nulls and keeps an unmodifiable copy of {@code zipEntries}. */
  public ChatExportFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(chat, "chat");
    zipEntries = List.copyOf(zipEntries);
  }

  /**
   * True if the export is a ZIP archive: named {@code *.zip}, or holding media entries (a ZIP
   * renamed to {@code .txt} that holds only the chat text reads as {@code false}).
   */
  public boolean isArchive() {
    return path.getFileName() != null
            && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")
        || !zipEntries.isEmpty();
  }
}
