package app.wauploader.core.chat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed chat export.
 *
 * @param chat the chat's name: the user's, else from the file name ("WhatsApp Chat with Family.txt"
 *     gives "Family"), else from a header line, else from the ZIP or folder name
 * @param format the layout of the file's dated lines (of the first one, if a file mixes layouts)
 * @param dateOrder the order in which the file's dates were read
 * @param dateOrderFromLocale true when every date was ambiguous (no field above 12) and the
 *     fallback locale decided the order; {@link #warnings()} then says so
 * @param entries every entry, system lines included, in file order
 * @param warnings one-line notes for a user about guesses the parser made (ambiguous dates, lines
 *     before the first message that were skipped, mixed layouts); empty if there were none
 */
public record ChatExport(
    String chat,
    ExportFormat format,
    DateOrder dateOrder,
    boolean dateOrderFromLocale,
    List<ChatMessage> entries,
    List<String> warnings) {
  /** Checks for nulls and keeps unmodifiable copies of the lists. */
  public ChatExport {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(dateOrder, "dateOrder");
    entries = List.copyOf(entries);
    warnings = List.copyOf(warnings);
  }

  /**
   * The entries with a sender, in file order: text, media (attached or omitted), and the "This
   * message was deleted" and edited placeholders; not system lines.
   */
  public List<ChatMessage> messages() {
    return entries.stream().filter(m -> m.sender().isPresent()).collect(Collectors.toList());
  }

  /** The distinct senders of {@link #messages()}, in order of their first message. */
  public List<String> senders() {
    Set<String> seen = new LinkedHashSet<>();
    for (ChatMessage m : entries) {
      m.sender().ifPresent(seen::add);
    }
    return new ArrayList<>(seen);
  }

  /**
   * The earliest time among {@link #messages()}, or empty if there are none. This is the minimum,
   * not the first line: a cleared chat may start with a newer notice.
   */
  public Optional<LocalDateTime> first() {
    return messages().stream().map(ChatMessage::time).min(Comparator.naturalOrder());
  }

  /** The latest time among {@link #messages()}, or empty if there are none. */
  public Optional<LocalDateTime> last() {
    return messages().stream().map(ChatMessage::time).max(Comparator.naturalOrder());
  }

  /** The files that {@link #messages()} name, in file order. */
  public List<Attachment> attachments() {
    List<Attachment> result = new ArrayList<>();
    for (ChatMessage m : entries) {
      if (m.sender().isPresent() && m.attachment().isPresent()) {
        result.add(
            new Attachment(
                m.attachment().get(),
                m.time(),
                m.sender().get(),
                MediaMarkers.caption(m.text(), m.attachment().get())));
      }
    }
    return result;
  }
}
