package app.wauploader.core.upload;

import app.wauploader.core.hash.Fingerprint;
import app.wauploader.core.plan.Route;
import app.wauploader.core.plan.Router;
import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.target.CommitRequest;
import app.wauploader.db.ChatAttachment;
import app.wauploader.db.ChatRow;
import app.wauploader.db.Database;
import app.wauploader.db.Transaction;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which chats a file belongs to, so it goes to its chat's album or folder. WhatsApp's media folders
 * are flat; an imported chat export names its attachments ({@code IMG-20231105-WA0012.jpg}, unique
 * per phone and day; {@code 00000012-PHOTO-2023-11-05-12-00-00.jpg} in an iOS export), and a
 * scanned file of that name is that attachment. Its content is then linked to each chat mentioning
 * it ({@code content_chats}), and the first chat (in import order) decides the route; the others
 * get the content filed later ({@link ChatFiling}). The names are loaded once per run.
 */
final class ChatRouting {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Map<String, List<String>> chatsByName;
  private final Optional<String> only;
  private final Router router = new Router();
  private final ZoneId zone;

  private ChatRouting(Map<String, List<String>> chatsByName, Optional<String> only, ZoneId zone) {
    this.chatsByName = chatsByName;
    this.only = only;
    this.zone = zone;
  }

  /**
   * The chats known to {@code db}.
   *
   * @param only the chat a {@code --chat} run backs up, or empty
   */
  static ChatRouting load(Database db, Optional<String> only) {
    return new ChatRouting(
        db.read(tx -> new HashMap<>(tx.chats().chatsByFileName())), only, ZoneId.systemDefault());
  }

  /** True if any chat is imported. */
  boolean knowsChats() {
    return !chatsByName.isEmpty();
  }

  /** True if the run backs up {@code file}: every file, or only the chosen chat's attachments. */
  boolean selects(MediaEntry file) {
    return only.isEmpty() || chatsByName.getOrDefault(file.name(), List.of()).contains(only.get());
  }

  /**
   * The route of a fingerprinted file, inside the planning transaction: an attachment of a known
   * chat is recorded as found and its content linked to each chat mentioning it; content of a known
   * chat goes to the first chat's album or folder, anything else by its media folder.
   */
  Route route(Transaction tx, MediaEntry file, Fingerprint fp) throws SQLException {
    if (chatsByName.isEmpty()) {
      return router.route(file, fp.mimeType());
    }
    List<String> chats = chatsByName.get(file.name());
    if (chats != null) {
      tx.chats().found(file.name(), file.key(), fp.sha256());
      for (String chat : chats) {
        tx.contentChats().link(fp.sha256(), chat);
      }
    }
    Optional<ChatRow> first = tx.contentChats().chatsOf(fp.sha256()).stream().findFirst();
    return router.route(file, fp.mimeType(), first.map(ChatRow::name));
  }

  /**
   * The description of content {@code sha256} for its media item: its first chat, the sender and
   * time of the message it came with, and that message's caption, at most {@link
   * CommitRequest#MAX_DESCRIPTION} characters, so the user can search Google Photos for the chat or
   * the caption's words. Empty for content of no known chat.
   */
  Optional<String> describe(Transaction tx, String sha256) throws SQLException {
    if (chatsByName.isEmpty()) {
      return Optional.empty();
    }
    Optional<ChatRow> chat = tx.contentChats().chatsOf(sha256).stream().findFirst();
    if (chat.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(chat.get().name());
    Optional<ChatAttachment> message = tx.chats().attachmentWithContent(chat.get().id(), sha256);
    if (message.isPresent()) {
      text.append(" · ").append(message.get().sender());
      text.append(" · ").append(WHEN.format(message.get().sentAt().atZone(zone)));
      if (!message.get().caption().trim().isEmpty()) {
        text.append('\n').append(message.get().caption().trim());
      }
    }
    return Optional.of(cut(text.toString()));
  }

  private static String cut(String text) {
    int max = CommitRequest.MAX_DESCRIPTION;
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
