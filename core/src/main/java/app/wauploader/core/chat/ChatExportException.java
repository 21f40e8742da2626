package app.wauploader.core.chat;

import java.io.IOException;

/**
 * A file that cannot be read as a WhatsApp chat export: missing, unreadable, empty, a corrupt ZIP,
 * a ZIP without chat text, or text in which no line starts with a date. The message is one line
 * that names the file and says what to do or check, fit to show a user as is.
 */
public final class ChatExportException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line naming the file, e.g. "notes.txt is not a WhatsApp chat export: …"
   */
  public ChatExportException(String message) {
    super(oneLine(message));
  }

  /**
   * @param message one line naming the file
   * @param cause the failure underneath, kept for logs
   */
  public ChatExportException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
