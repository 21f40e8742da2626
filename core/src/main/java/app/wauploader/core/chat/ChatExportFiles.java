package app.wauploader.core.chat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a chat export from disk: a {@code .txt}, or a {@code .zip} ("Export chat" → "Attach media")
 * holding the chat text plus media. The chat text inside a ZIP is the shallowest entry named {@code
 * _chat.txt} (iOS), {@code Chat.txt}, or "WhatsApp Chat with X.txt" and its translations (Android);
 * {@code __MACOSX/} resource forks are skipped and ZIPs inside the ZIP never opened. Text is
 * decoded as UTF-8 (malformed bytes become U+FFFD).
 */
public final class ChatExportFiles {
  private static final String MACOS_RESOURCES = "__MACOSX/";

  private ChatExportFiles() {}

  /**
   * Reads and parses the export at {@code file}; a file starting with a ZIP signature ({@code
   * PK\3\4}, or {@code PK\5\6} for an empty archive), or named {@code *.zip}, is read as a ZIP.
   *
   * <p>The chat name is {@code chatName} if present, else from the text's file name ("WhatsApp Chat
   * with X.txt"), else from the ZIP's ("WhatsApp Chat - X.zip"), else from a header line ("WhatsApp
   * Chat - X"), else the ZIP's base name, or for a bare {@code _chat.txt} its folder's.
   *
   * @param file a {@code .txt} or {@code .zip} export
   * @param chatName the user's name for the chat, or empty
   * @param fallback the locale deciding day/month order when every date is ambiguous
   * @throws ChatExportException (one line naming the file) if the file is missing, unreadable, a
   *     folder, empty, a corrupt ZIP, a ZIP without chat text, or no line starts with a date
   */
  public static ChatExportFile read(Path file, Optional<String> chatName, Locale fallback)
      throws IOException {
    String shown = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (Files.isDirectory(file)) {
      throw new ChatExportException(
          shown + " is a folder, not a WhatsApp chat export: choose the exported .txt or .zip");
    }
    byte[] head = new byte[4];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = readFully(in, head);
    } catch (NoSuchFileException e) {
      throw new ChatExportException(shown + " does not exist: check the path", e);
    } catch (AccessDeniedException e) {
      throw new ChatExportException(shown + " cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new ChatExportException(shown + " cannot be read: " + e.getMessage(), e);
    }
    if (read == 0) {
      throw new ChatExportException(shown + " is empty: export the chat again from WhatsApp");
    }
    boolean zip =
        (read == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5))
            || shown.toLowerCase(Locale.ROOT).endsWith(".zip");
    if (zip) {
      return readZip(file, shown, chatName, fallback);
    }
    String fileName =
        file.getParent() == null || file.getParent().getFileName() == null
            ? shown
            : file.getParent().getFileName() + "/" + shown;
    try (Reader text = lenient(Files.newInputStream(file))) {
      ChatExport chat =
          ChatExportParser.parse(
              shown, fileName, text, chatName, ChatNames.defaultName(fileName), fallback);
      return new ChatExportFile(file, chat, List.of());
    } catch (ChatExportException e) {
      throw e;
    } catch (IOException e) {
      throw new ChatExportException(shown + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static ChatExportFile readZip(
      Path file, String shown, Optional<String> chatName, Locale fallback) throws IOException {
    try (ZipFile archive = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      ZipEntry text = null;
      List<ZipEntry> files = new ArrayList<>();
      Enumeration<? extends ZipEntry> all = archive.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        String name = entry.getName().replace('\\', '/');
        if (entry.isDirectory()
            || name.startsWith(MACOS_RESOURCES)
            || name.contains("/" + MACOS_RESOURCES)) {
          continue;
        }
        files.add(entry);
        if (chatText(name) && (text == null || depth(name) < depth(text.getName()))) {
          text = entry;
        }
      }
      if (text == null) {
        throw new ChatExportException(
            shown + " holds no chat text (_chat.txt): export the chat again from WhatsApp");
      }
      List<String> media = new ArrayList<>();
      for (ZipEntry entry : files) {
        if (entry != text) {
          media.add(entry.getName());
        }
      }
      Optional<String> name = chatName.filter(n -> !n.trim().isEmpty());
      if (name.isEmpty()) {
        name = ChatNames.fromFileName(text.getName()).or(() -> ChatNames.fromFileName(shown));
      }
      ChatExport chat;
      try (Reader reader = lenient(archive.getInputStream(text))) {
        chat =
            ChatExportParser.parse(
                shown, text.getName(), reader, name, ChatNames.baseName(shown), fallback);
      }
      return new ChatExportFile(file, chat, media);
    } catch (ChatExportException e) {
      throw e;
    } catch (ZipException | EOFException e) {
      throw new ChatExportException(
          shown + " is not a readable ZIP archive (corrupt or cut short): " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ChatExportException(
          shown + " is not a readable ZIP archive (entry names are not UTF-8)", e);
    } catch (IOException e) {
      throw new ChatExportException(shown + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** True for the names WhatsApp gives the chat text in a ZIP. */
  private static boolean chatText(String entryName) {
    String last = entryName.substring(entryName.lastIndexOf('/') + 1);
    String lower = last.toLowerCase(Locale.ROOT);
    return lower.endsWith(".txt")
        && (ChatNames.generic(last) || ChatNames.fromFileName(last).isPresent());
  }

  private static int depth(String entryName) {
    return entryName.replace('\\', '/').split("/").length;
  }

  private static Reader lenient(InputStream in) {
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  private static int readFully(InputStream in, byte[] buffer) throws IOException {
    int total = 0;
    while (total < buffer.length) {
      int n = in.read(buffer, total, buffer.length - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }
}
