package app.wauploader.core.chat;

import app.wauploader.core.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Stable chat ids: the first 16 hex digits of the SHA-256 of the chat's name, normalised (Unicode
 * NFC, blanks collapsed, lower case), so a newer export of the same chat, or one named "family"
 * instead of "Family", merges into the same chat.
 */
public final class ChatIds {
  private ChatIds() {}

  /** The id of the chat named {@code name}: 16 lowercase hex characters. */
  public static String of(String name) {
    String normal =
        Normalizer.normalize(name, Normalizer.Form.NFC)
            .trim()
            .replaceAll("\\s+", " ")
            .toLowerCase(Locale.ROOT);
    byte[] bytes = normal.getBytes(StandardCharsets.UTF_8);
    return Sha256.of(bytes, bytes.length).substring(0, 16);
  }
}
