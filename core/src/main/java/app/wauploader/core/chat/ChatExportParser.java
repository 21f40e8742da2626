package app.wauploader.core.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses the text of a WhatsApp chat export ("Export chat" on Android or iPhone) into entries.
 *
 * <p>A line that starts with a date and time in a known layout (see {@link HeaderLine}) starts an
 * entry; every other line, blank ones included, continues the entry before it. Lines before the
 * first entry are a header (a chat name, when they hold one) and are otherwise skipped with a
 * warning; no line aborts a parse. "Name: text" is a message from Name, anything else after the
 * time is a system line; iOS system lines that name the group or the actor ("Group: ‎You created
 * this group", marked by U+200E) and encryption notices after a name are system lines too (this
 * matches whatsapp-chat-parser-go's author lists). The file's day/month order is decided once from
 * all its dates ({@link DateOrderVote}); two-digit years are 20yy.
 */
public final class ChatExportParser {
  private ChatExportParser() {}

  /**
   * Parses one export's text.
   *
   * @param fileName the export's file name (e.g. "WhatsApp Chat with Family.txt", "_chat.txt",
   *     "Family/_chat.txt"), used for the chat name and in error messages
   * @param text the export's text, already decoded (exports are UTF-8; a leading BOM is skipped);
   *     CRLF, LF and CR line ends, also mixed; read to the end, not closed
   * @param chatName the user's name for the chat, overriding the file name, or empty
   * @param fallback the locale deciding day/month order only when every date in the file is
   *     ambiguous
   * @return the entries in file order, never empty
   * @throws ChatExportException if the text is empty or no line starts with a date
   * @throws IOException if {@code text} cannot be read
   */
  public static ChatExport parse(
      String fileName, Reader text, Optional<String> chatName, Locale fallback) throws IOException {
    return parse(fileName, fileName, text, chatName, ChatNames.defaultName(fileName), fallback);
  }

  /**
   * As {@link #parse(String, Reader, Optional, Locale)}, for a text inside a ZIP or a folder.
   *
   * @param shownAs the file named in error messages ("Family.zip")
   * @param defaultName the chat name when neither the user, the file name nor a header gives one
   */
  static ChatExport parse(
      String shownAs,
      String fileName,
      Reader text,
      Optional<String> chatName,
      String defaultName,
      Locale fallback)
      throws IOException {
    List<String> lines = readLines(text);
    List<HeaderLine> headers = new ArrayList<>();
    List<Optional<HeaderLine>> byLine = new ArrayList<>(lines.size());
    boolean blank = true;
    for (String line : lines) {
      Optional<HeaderLine> header = HeaderLine.of(line);
      header.ifPresent(headers::add);
      byLine.add(header);
      blank &= line.trim().isEmpty();
    }
    if (blank) {
      throw new ChatExportException(shownAs + " is empty: export the chat again from WhatsApp");
    }
    if (headers.isEmpty()) {
      throw new ChatExportException(
          shownAs + " is not a WhatsApp chat export: no line starts with a date");
    }
    DateOrderVote vote = DateOrderVote.of(headers, fallback);
    List<String> warnings = new ArrayList<>(vote.warnings());
    List<ChatMessage> entries = new ArrayList<>();
    Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
    ExportFormat format = null;
    Optional<String> headerName = Optional.empty();
    int skipped = 0;
    Entry open = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Optional<LocalDateTime> time = byLine.get(i).flatMap(h -> timeOf(h, vote.order()));
      if (time.isPresent()) {
        if (open != null) {
          entries.add(open.finish());
        }
        HeaderLine header = byLine.get(i).get();
        open = new Entry(time.get(), header.rest());
        formats.add(header.format());
        format = format == null ? header.format() : format;
      } else if (open != null) {
        open.lines.add(line);
      } else if (!line.trim().isEmpty()) {
        Optional<String> name = ChatNames.fromHeaderLine(line);
        if (name.isPresent() && headerName.isEmpty()) {
          headerName = name;
        } else if (name.isEmpty()) {
          skipped++;
        }
      }
    }
    if (open == null) {
      throw new ChatExportException(
          shownAs + " is not a WhatsApp chat export: no line starts with a valid date");
    }
    entries.add(open.finish());
    if (skipped > 0) {
      warnings.add(skipped + " line(s) before the first dated line were skipped");
    }
    if (formats.size() > 1) {
      warnings.add(
          "lines in more than one layout ("
              + formats.stream().map(ExportFormat::id).collect(Collectors.joining(", "))
              + "): each read as written");
    }
    Optional<String> fromHeader = headerName;
    String name =
        chatName
            .map(String::trim)
            .filter(n -> !n.isEmpty())
            .or(() -> ChatNames.fromFileName(fileName))
            .or(() -> fromHeader)
            .orElse(defaultName);
    DateOrder order =
        headers.stream().allMatch(HeaderLine::yearFirst) ? DateOrder.YEAR_MONTH_DAY : vote.order();
    return new ChatExport(name, format, order, vote.fromLocale(), entries, warnings);
  }

  /** The header's time in the file's order, else in the other one (for files that disagree). */
  private static Optional<LocalDateTime> timeOf(HeaderLine header, DateOrder order) {
    Optional<LocalDateTime> time = header.time(order);
    if (time.isPresent() || header.yearFirst()) {
      return time;
    }
    return header.time(
        order == DateOrder.MONTH_DAY_YEAR ? DateOrder.DAY_MONTH_YEAR : DateOrder.MONTH_DAY_YEAR);
  }

  private static List<String> readLines(Reader text) throws IOException {
    BufferedReader reader = new BufferedReader(text);
    List<String> lines = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (lines.isEmpty() && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      lines.add(line);
    }
    return lines;
  }

  /** An entry being read: its header's time and text, then its further lines. */
  private static final class Entry {
    final LocalDateTime time;
    final String rest;
    final List<String> lines = new ArrayList<>();

    Entry(LocalDateTime time, String rest) {
      this.time = time;
      this.rest = rest;
    }

    ChatMessage finish() {
      int end = lines.size();
      while (end > 0 && lines.get(end - 1).trim().isEmpty()) {
        end--;
      }
      Optional<Senders.Split> split = Senders.split(HeaderLine.withoutLeadingMarks(rest));
      String body = split.map(Senders.Split::text).orElse(rest);
      StringBuilder text = new StringBuilder(body);
      for (String line : lines.subList(0, end)) {
        text.append('\n').append(line);
      }
      String written = text.toString();
      String shown = HeaderLine.withoutLeadingMarks(written);
      if (split.isEmpty() || SystemLines.attributed(written)) {
        return new ChatMessage(time, Optional.empty(), shown, Optional.empty(), false);
      }
      Optional<String> attachment = MediaMarkers.attachment(written);
      boolean omitted = attachment.isEmpty() && MediaMarkers.omitted(written);
      return new ChatMessage(time, Optional.of(split.get().name()), shown, attachment, omitted);
    }
  }
}
