package app.wauploader.db;

import app.wauploader.domain.Service;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the catalog shared through Google Drive (issue 14): what content is where ({@code
 * file_hashes}), the albums and folders ({@code remote_containers}), the chats and which content
 * belongs to which chat ({@code chats}, {@code content_chats}), the settings ({@code config}). Rows
 * are read in a fixed order (by key), so the same database always gives the same catalog. The
 * catalog's own bookkeeping is {@link CatalogDeviceRepository}'s.
 */
public final class CatalogRepository {
  private final Transaction tx;

  CatalogRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * One content in Google, as the catalog carries it ({@code file_hashes} less the local path and
   * session).
   *
   * @param sha256 the local file's SHA-256, 64 lowercase hex
   * @param size bytes of the local file
   * @param uploadedAt when it was committed (ms since the epoch)
   * @param sentSha256 the SHA-256 of the bytes Google holds, when it differs (a dated copy)
   */
  public record Content(
      String sha256,
      Service service,
      String remoteId,
      long size,
      String mimeType,
      String fileName,
      long uploadedAt,
      Optional<String> chatId,
      Optional<String> sentSha256) {}

  /** An album or folder: {@code remote_containers}. {@code createdAt} in ms since the epoch. */
  public record Container(
      Service service, String name, String remoteId, long createdAt, long itemCount) {}

  /** An imported chat ({@code chats}), times in ms since the epoch. */
  public record Chat(
      String id,
      String name,
      String format,
      String exportName,
      Optional<Long> firstMessageAt,
      Optional<Long> lastMessageAt,
      long position,
      long importedAt) {}

  /** Content {@code sha256} belongs to chat {@code chatId}; filed there as {@code placedId}. */
  public record ChatLink(
      String sha256,
      String chatId,
      long linkedAt,
      Optional<String> placedId,
      Optional<Long> placedAt) {}

  /** Every content, by SHA-256. */
  public List<Content> contents() throws SQLException {
    return tx.query(
        "SELECT hash, upload_service, upload_id, file_size, mime_type, file_name, uploaded_at,"
            + " chat_id, sent_sha256 FROM file_hashes ORDER BY hash",
        CatalogRepository::content);
  }

  /** Every content, by SHA-256, one at a time (nothing collected). */
  public void forEachContent(Transaction.RowConsumer<Content> consumer) throws SQLException {
    tx.forEach(
        "SELECT hash, upload_service, upload_id, file_size, mime_type, file_name, uploaded_at,"
            + " chat_id, sent_sha256 FROM file_hashes ORDER BY hash",
        CatalogRepository::content,
        consumer);
  }

  /** How many contents there are. */
  public long contentCount() throws SQLException {
    return tx.queryLong("SELECT count(*) FROM file_hashes");
  }

  /** The content {@code sha256}, if known. */
  public Optional<Content> content(String sha256) throws SQLException {
    return tx.queryOne(
        "SELECT hash, upload_service, upload_id, file_size, mime_type, file_name, uploaded_at,"
            + " chat_id, sent_sha256 FROM file_hashes WHERE hash = ?",
        CatalogRepository::content,
        sha256);
  }

  /**
   * Adds a content another device stored ({@code file_path} is {@code catalog:} + the device name
   * and file name: no local file is known; no session).
   *
   * @return false if the content is known already (nothing changes)
   */
  public boolean addContent(Content c, String deviceName) throws SQLException {
    return tx.update(
            "INSERT INTO file_hashes (hash, file_path, file_name, file_size, mime_type,"
                + " upload_service, upload_id, chat_id, session_id, uploaded_at, sent_sha256)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?) ON CONFLICT (hash) DO NOTHING",
            c.sha256(),
            "catalog:" + deviceName + "/" + c.fileName(),
            c.fileName(),
            c.size(),
            c.mimeType(),
            c.service(),
            c.remoteId(),
            c.uploadedAt(),
            c.sentSha256())
        == 1;
  }

  /** Makes content {@code c.sha256} point at {@code c}'s remote item (the merge's choice). */
  public void replaceContent(Content c) throws SQLException {
    tx.update(
        "UPDATE file_hashes SET upload_service = ?, upload_id = ?, uploaded_at = ?,"
            + " sent_sha256 = ? WHERE hash = ?",
        c.service(),
        c.remoteId(),
        c.uploadedAt(),
        c.sentSha256(),
        c.sha256());
  }

  /** Sets the first chat of content {@code sha256} when it has none (and the chat is known). */
  public void setChatIfNone(String sha256, String chatId) throws SQLException {
    tx.update(
        "UPDATE file_hashes SET chat_id = ? WHERE hash = ? AND chat_id IS NULL"
            + " AND EXISTS (SELECT 1 FROM chats WHERE id = ?)",
        chatId,
        sha256,
        chatId);
  }

  /** Every album and folder, by service and name. */
  public List<Container> containers() throws SQLException {
    return tx.query(
        "SELECT service, name, remote_id, created_at, item_count FROM remote_containers"
            + " ORDER BY service, name",
        rs ->
            new Container(
                Service.fromId(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5)));
  }

  /** Sets (adds or replaces) a container with its creation time and item count. */
  public void putContainer(Container c) throws SQLException {
    tx.update(
        "INSERT INTO remote_containers (service, name, remote_id, created_at, item_count)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (service, name) DO UPDATE SET"
            + " remote_id = excluded.remote_id, created_at = excluded.created_at,"
            + " item_count = excluded.item_count",
        c.service(),
        c.name(),
        c.remoteId(),
        c.createdAt(),
        c.itemCount());
  }

  /** Every chat, in import order. */
  public List<Chat> chats() throws SQLException {
    return tx.query(
        "SELECT id, name, format, export_name, first_message_at, last_message_at, position,"
            + " imported_at FROM chats ORDER BY position",
        rs ->
            new Chat(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Transaction.longValue(rs, "first_message_at"),
                Transaction.longValue(rs, "last_message_at"),
                rs.getLong(7),
                rs.getLong(8)));
  }

  /**
   * Adds a chat another device imported, after this database's own chats (its messages and
   * attachments stay on that device).
   *
   * @return false if the chat is known already
   */
  public boolean addChat(Chat c) throws SQLException {
    return tx.update(
            "INSERT INTO chats (id, name, format, export_name, first_message_at, last_message_at,"
                + " position, imported_at, updated_at) SELECT ?, ?, ?, ?, ?, ?,"
                + " coalesce(max(position), 0) + 1, ?, ? FROM chats"
                + " WHERE NOT EXISTS (SELECT 1 FROM chats WHERE id = ?)",
            c.id(),
            c.name(),
            c.format(),
            c.exportName(),
            c.firstMessageAt(),
            c.lastMessageAt(),
            c.importedAt(),
            tx.nowMs(),
            c.id())
        == 1;
  }

  /** Every content–chat link, by content then chat. */
  public List<ChatLink> chatLinks() throws SQLException {
    List<ChatLink> links = new java.util.ArrayList<>();
    forEachChatLink(links::add);
    return links;
  }

  /** Every content–chat link, one at a time. */
  public void forEachChatLink(Transaction.RowConsumer<ChatLink> consumer) throws SQLException {
    tx.forEach(
        "SELECT sha256, chat_id, linked_at, placed_id, placed_at FROM content_chats"
            + " ORDER BY sha256, chat_id",
        rs ->
            new ChatLink(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                Transaction.string(rs, "placed_id"),
                Transaction.longValue(rs, "placed_at")),
        consumer);
  }

  /**
   * Adds a link (when its chat is known), or marks a known unfiled link filed.
   *
   * @return true if anything changed
   */
  public boolean mergeChatLink(ChatLink l) throws SQLException {
    int added =
        tx.update(
            "INSERT INTO content_chats (sha256, chat_id, linked_at, placed_id, placed_at)"
                + " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM chats WHERE id = ?)"
                + " ON CONFLICT (sha256, chat_id) DO NOTHING",
            l.sha256(),
            l.chatId(),
            l.linkedAt(),
            l.placedId(),
            l.placedAt(),
            l.chatId());
    if (added == 1 || l.placedId().isEmpty()) {
      return added == 1;
    }
    return tx.update(
            "UPDATE content_chats SET placed_id = ?, placed_at = ?"
                + " WHERE sha256 = ? AND chat_id = ? AND placed_id IS NULL",
            l.placedId(),
            l.placedAt(),
            l.sha256(),
            l.chatId())
        == 1;
  }

  /** Every setting ({@code config}: key → JSON text), by key. */
  public Map<String, String> settings() throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String[] row :
        tx.query(
            "SELECT key, value FROM config ORDER BY key",
            rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      settings.put(row[0], row[1]);
    }
    return settings;
  }

  /**
   * Adds a setting another device has when this database has none under {@code key}.
   *
   * @return true if it was added
   */
  public boolean addSetting(String key, String json) throws SQLException {
    return tx.update(
            "INSERT INTO config (key, value, updated_at) VALUES (?, json(?), ?)"
                + " ON CONFLICT (key) DO NOTHING",
            key,
            json,
            tx.nowMs())
        == 1;
  }

  private static Content content(ResultSet rs) throws SQLException {
    return new Content(
        rs.getString(1),
        Service.fromId(rs.getString(2)),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        Transaction.string(rs, "chat_id"),
        Transaction.string(rs, "sent_sha256"));
  }
}
