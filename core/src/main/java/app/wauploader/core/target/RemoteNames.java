package app.wauploader.core.target;

import java.nio.charset.StandardCharsets;

/**
 * Names as sent to Google. A WhatsApp file name may hold anything a file system allows — a newline
 * or another control character, or bytes that are not UTF-8 (the JVM reads those as U+FFFD). The
 * remote item gets a safe name; the real one stays in the local database (in the source key).
 */
public final class RemoteNames {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RemoteNames() {}

  /**
   * {@code name} with every control character (U+0000–U+001F, U+007F–U+009F) replaced by {@code _}
   * and surrounding blanks removed; {@code unnamed} if nothing is left.
   */
  public static String safe(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(Character.isISOControl(c) ? '_' : c);
    }
    String trimmed = out.toString().trim();
    return trimmed.isEmpty() ? "unnamed" : trimmed;
  }

  /**
   * {@code name} as an HTTP header value: printable ASCII kept, every other byte of its UTF-8 form
   * (and {@code %}) percent-encoded, so no header can be broken by a name (RFC 9110 §5.5 allows
   * only visible ASCII, space and tab in field values).
   */
  public static String headerValue(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (byte b : safe(name).getBytes(StandardCharsets.UTF_8)) {
      int v = b & 0xff;
      if (v >= 0x20 && v < 0x7f && v != '%') {
        out.append((char) v);
      } else {
        out.append('%').append(HEX[v >> 4]).append(HEX[v & 0xf]);
      }
    }
    return out.toString();
  }
}
