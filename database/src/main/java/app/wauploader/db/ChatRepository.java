package app.wauploader.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code chats}, {@code chat_messages} and {@code chat_attachments}: the chats the user imported,
 * their messages (keys only) and the files they mention. Importing a newer export of a chat adds
 * only what is new.
 */
public final class ChatRepository {
  private final Transaction tx;

  ChatRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * Records a chat, or updates its format, export and message span when it exists (the span only
   * grows); its name only when {@code rename} (the user named it), so its album and folder keep
   * their title when a newer export spells the name differently.
   *
   * @return true if the chat is new
   */
  public boolean upsert(
      String id,
      String name,
      String format,
      String exportName,
      Optional<Instant> firstMessageAt,
      Optional<Instant> lastMessageAt,
      boolean rename)
      throws SQLException {
    long now = tx.nowMs();
    Optional<ChatRow> known = find(id);
    if (known.isPresent()) {
      tx.update(
          "UPDATE chats SET name = ?, format = ?, export_name = ?,"
              + " first_message_at = min(coalesce(first_message_at, ?), coalesce(?,"
              + " first_message_at)), last_message_at = max(coalesce(last_message_at, ?),"
              + " coalesce(?, last_message_at)), updated_at = ? WHERE id = ?",
          rename ? name : known.get().name(),
          format,
          exportName,
          firstMessageAt,
          firstMessageAt,
          lastMessageAt,
          lastMessageAt,
          now,
          id);
      return false;
    }
    tx.update(
        "INSERT INTO chats (id, name, format, export_name, first_message_at, last_message_at,"
            + " position, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?,"
            + " (SELECT coalesce(max(position), 0) + 1 FROM chats), ?, ?)",
        id,
        name,
        format,
        exportName,
        firstMessageAt,
        lastMessageAt,
        now,
        now);
    return true;
  }

  /** The chat {@code id}. */
  public Optional<ChatRow> find(String id) throws SQLException {
    return tx.queryOne("SELECT * FROM chats WHERE id = ?", ChatRepository::map, id);
  }

  /** Chats whose name is {@code name}, ignoring case, in import order. */
  public List<ChatRow> findByName(String name) throws SQLException {
    return tx.query(
        "SELECT * FROM chats WHERE lower(name) = lower(?) ORDER BY position",
        ChatRepository::map,
        name);
  }

  /**
   * Adds messages not yet known (by key).
   *
   * @return how many were new
   */
  public long addMessages(String chatId, Collection<ChatMessageKey> messages) throws SQLException {
    long before = messageCount(chatId);
    List<Object[]> rows = new ArrayList<>(messages.size());
    for (ChatMessageKey m : messages) {
      rows.add(new Object[] {chatId, m.key(), m.sentAt(), m.sender()});
    }
    tx.batch(
        "INSERT INTO chat_messages (chat_id, message_key, sent_at, sender) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        rows);
    return messageCount(chatId) - before;
  }

  /** Messages with a sender the chat has, across every import. */
  public long messageCount(String chatId) throws SQLException {
    return tx.queryLong("SELECT count(*) FROM chat_messages WHERE chat_id = ?", chatId);
  }

  /**
   * Adds attachments not yet known (by file name within the chat); a known one keeps its row, and
   * gets the caption if it had none.
   *
   * @return how many were new
   */
  public long addAttachments(String chatId, Collection<ChatAttachment> attachments)
      throws SQLException {
    long before = attachmentCount(chatId);
    List<Object[]> rows = new ArrayList<>(attachments.size());
    for (ChatAttachment a : attachments) {
      rows.add(new Object[] {chatId, a.fileName(), a.sentAt(), a.sender(), a.caption()});
    }
    tx.batch(
        "INSERT INTO chat_attachments (chat_id, file_name, sent_at, sender, caption)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, file_name) DO UPDATE SET"
            + " caption = excluded.caption WHERE chat_attachments.caption = ''",
        rows);
    return attachmentCount(chatId) - before;
  }

  /** Files the chat's exports mention. */
  public long attachmentCount(String chatId) throws SQLException {
    return tx.queryLong("SELECT count(*) FROM chat_attachments WHERE chat_id = ?", chatId);
  }

  /** The chat's attachments, in the order they were sent. */
  public List<ChatAttachment> attachments(String chatId) throws SQLException {
    return tx.query(
        "SELECT * FROM chat_attachments WHERE chat_id = ? ORDER BY sent_at, file_name",
        ChatRepository::mapAttachment,
        chatId);
  }

  /** The attachment of {@code chatId} named {@code fileName}. */
  public Optional<ChatAttachment> attachment(String chatId, String fileName) throws SQLException {
    return tx.queryOne(
        "SELECT * FROM chat_attachments WHERE chat_id = ? AND file_name = ?",
        ChatRepository::mapAttachment,
        chatId,
        fileName);
  }

  /** The first attachment of {@code chatId} whose file had content {@code sha256}. */
  public Optional<ChatAttachment> attachmentWithContent(String chatId, String sha256)
      throws SQLException {
    return tx.queryOne(
        "SELECT * FROM chat_attachments WHERE chat_id = ? AND sha256 = ? ORDER BY sent_at LIMIT 1",
        ChatRepository::mapAttachment,
        chatId,
        sha256);
  }

  /**
   * Every attachment file name and the chats that mention it, first-imported chat first: the map a
   * run matches scanned file names against.
   */
  public Map<String, List<String>> chatsByFileName() throws SQLException {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    tx.query(
        "SELECT a.file_name, a.chat_id FROM chat_attachments a JOIN chats c ON c.id = a.chat_id"
            + " ORDER BY c.position",
        rs -> byName.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
    return byName;
  }

  /**
   * Records that the attachment {@code fileName} of every chat mentioning it was found at {@code
   * sourceKey}, with content {@code sha256} once known (null before it is hashed).
   */
  public void found(String fileName, String sourceKey, String sha256) throws SQLException {
    tx.update(
        "UPDATE chat_attachments SET source_key = ?, sha256 = coalesce(?, sha256)"
            + " WHERE file_name = ?",
        sourceKey,
        sha256,
        fileName);
  }

  /** As {@link #found(String, String, String)}, for the attachment of one chat only. */
  public void found(String chatId, String fileName, String sourceKey, String sha256)
      throws SQLException {
    tx.update(
        "UPDATE chat_attachments SET source_key = ?, sha256 = coalesce(?, sha256)"
            + " WHERE chat_id = ? AND file_name = ?",
        sourceKey,
        sha256,
        chatId,
        fileName);
  }

  /** Every chat with its counts, in import order. */
  public List<ChatSummary> summaries() throws SQLException {
    return tx.query(
        "SELECT c.*, (SELECT count(*) FROM chat_messages m WHERE m.chat_id = c.id) AS messages,"
            + " (SELECT count(*) FROM chat_attachments a WHERE a.chat_id = c.id) AS attachments,"
            + " (SELECT count(*) FROM chat_attachments a WHERE a.chat_id = c.id"
            + " AND a.source_key IS NOT NULL) AS found FROM chats c ORDER BY c.position",
        rs ->
            new ChatSummary(
                map(rs), rs.getLong("messages"), rs.getLong("attachments"), rs.getLong("found")));
  }

  static ChatRow map(ResultSet rs) throws SQLException {
    return new ChatRow(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("format"),
        rs.getString("export_name"),
        Transaction.instant(rs, "first_message_at"),
        Transaction.instant(rs, "last_message_at"),
        rs.getLong("position"),
        Instant.ofEpochMilli(rs.getLong("imported_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }

  private static ChatAttachment mapAttachment(ResultSet rs) throws SQLException {
    return new ChatAttachment(
        rs.getString("chat_id"),
        rs.getString("file_name"),
        Instant.ofEpochMilli(rs.getLong("sent_at")),
        rs.getString("sender"),
        rs.getString("caption"),
        Transaction.string(rs, "source_key"),
        Transaction.string(rs, "sha256"));
  }
}
