package app.wauploader.core.chat;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat's name from the names WhatsApp gives its exports: "WhatsApp Chat with Family.txt",
 * "WhatsApp Chat - Family.zip" and the translations (German "WhatsApp Chat mit", Spanish "Chat de
 * WhatsApp con", Portuguese "Conversa do WhatsApp com", French "Discussion WhatsApp avec", Italian
 * "Chat WhatsApp con"/"Chat di WhatsApp con", Dutch "WhatsApp-chat met"); a copy suffix " (1)" is
 * dropped.
 */
final class ChatNames {
  private static final Pattern PREFIXED =
      Pattern.compile(
          "^(?:WhatsApp[ -]Chat (?:with|mit|met|-|\u2013)|Chat de WhatsApp con"
              + "|Conversa do WhatsApp com|Discussion WhatsApp avec|Chat (?:di )?WhatsApp con)"
              + "\\s+(.+?)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EXTENSION =
      Pattern.compile("\\.(?:txt|zip)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern COPY = Pattern.compile("\\s*\\(\\d{1,3}\\)$");

  /** "Group Chat: Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt…" before any date. */
  private static final Pattern NAMED_NOTICE = Pattern.compile("^([^:]{1,100}): .+$");

  private ChatNames() {}

  /** {@code fileName} without folders, ".txt"/".zip" and a copy suffix: "_chat", "Backup". */
  static String baseName(String fileName) {
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name = EXTENSION.matcher(name).replaceFirst("");
    return COPY.matcher(name).replaceFirst("").trim();
  }

  /** The chat name in a WhatsApp-style file name, if it is one: "WhatsApp Chat with X.txt" → X. */
  static Optional<String> fromFileName(String fileName) {
    return prefixed(baseName(fileName));
  }

  /**
   * The chat name when nothing better is known: for "_chat.txt" or "Chat.txt" the folder it is in
   * ("Family/_chat.txt" gives "Family"), else the base name ("_chat", "notes").
   */
  static String defaultName(String fileName) {
    String[] segments = fileName.replace('\\', '/').split("/");
    if (generic(fileName) && segments.length > 1 && !segments[segments.length - 2].isEmpty()) {
      return segments[segments.length - 2];
    }
    return baseName(fileName);
  }

  /** True for the file names that say nothing about the chat: "_chat.txt", "Chat.txt". */
  static boolean generic(String fileName) {
    String base = baseName(fileName).toLowerCase(Locale.ROOT);
    return base.equals("_chat") || base.equals("chat");
  }

  /**
   * The chat name in a line before the first dated one: "WhatsApp Chat - Person B", or the name
   * before an encryption notice ("Group Chat: Nachrichten und Anrufe sind …").
   */
  static Optional<String> fromHeaderLine(String line) {
    String plain = Senders.clean(line);
    Optional<String> prefixed = prefixed(plain);
    if (prefixed.isPresent()) {
      return prefixed;
    }
    Matcher m = NAMED_NOTICE.matcher(plain);
    if (m.matches() && SystemLines.attributed(plain.substring(m.end(1) + 2))) {
      return Optional.of(m.group(1).trim());
    }
    return Optional.empty();
  }

  private static Optional<String> prefixed(String text) {
    Matcher m = PREFIXED.matcher(text);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
