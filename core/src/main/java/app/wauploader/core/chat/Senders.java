package app.wauploader.core.chat;

import java.util.Optional;

/** Splits the text after a header into sender and message: "Name: text". */
final class Senders {
  /** Longer than any contact name or phone number; a longer "…: " prefix is a system line. */
  private static final int MAX_LENGTH = 100;

  /** A sender and the text after "Name: " (leading marks kept). */
  record Split(String name, String text) {}

  private Senders() {}

  /**
   * The sender and text of {@code rest}, if it starts with a name followed by ": " (or ends in ":"
   * right after a name). A name holds no quotes ("X changed the subject to "a: b"" is a system
   * line) and is at most 100 characters. "John Doe:." has no ": " and is a system line.
   *
   * @return empty for a system line
   */
  static Optional<Split> split(String rest) {
    int colon = rest.indexOf(": ");
    String text;
    if (colon < 0) {
      if (!rest.endsWith(":")) {
        return Optional.empty();
      }
      colon = rest.length() - 1;
      text = "";
    } else {
      text = rest.substring(colon + 2);
    }
    String name = clean(rest.substring(0, colon));
    if (name.isEmpty()
        || name.length() > MAX_LENGTH
        || name.indexOf('"') >= 0
        || name.indexOf('\u201c') >= 0
        || name.indexOf('\u201e') >= 0) {
      return Optional.empty();
    }
    return Optional.of(new Split(name, text));
  }

  /**
   * The name without bidirectional marks (WhatsApp wraps phone numbers in U+202A…U+202C) and with
   * no-break spaces as spaces, trimmed.
   */
  static String clean(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (HeaderLine.MARKS.indexOf(c) >= 0) {
        continue;
      }
      b.append(c == '\u00A0' || c == '\u202F' ? ' ' : c);
    }
    return b.toString().trim();
  }
}
